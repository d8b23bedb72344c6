import { useId } from 'react'
import { useCache } from '../../src/index'
import { detailUrl, type Product } from './catalog'
import { addToCart, useProductDetail } from './hooks'
import { PriceTag } from './PriceTag'
import { useRequestCount } from './requestLog'
import { useServices } from './services'
import { secondsUntil, useNow } from './useNow'

/** How often the detail was fetched, and for how long the fetched copy is kept. */
function FetchNote({ id, isFetching }: { id: number; isFetching: boolean }) {
  const cache = useCache()
  const { requests } = useServices()
  const count = useRequestCount(requests, detailUrl(id))
  const left = secondsUntil(cache.getItem(detailUrl(id))?.expiration, useNow())
  return (
    <p className="shop-muted" data-testid="detail-note">
      <span data-testid="detail-requests">{`Fetched ${count}× from the network`}</span>
      {' · '}
      {isFetching ? 'refreshing…' : left === null ? 'kept until deleted' : `kept ${left} s more`}
    </p>
  )
}

/** One product's details: a fetch memoized per product for 30 s, shared by everyone who reads it. */
export function ProductDetail({ product }: { product: Product }) {
  const cache = useCache()
  const { data, status, error, isFetching, refresh } = useProductDetail(product.id)
  const title = useId()
  return (
    <section className="shop-card shop-detail" aria-labelledby={title}>
      <div className="shop-card__header">
        <span className="shop-badge">{product.category}</span>
        <h2 id={title}>{product.name}</h2>
      </div>
      {data ? (
        <>
          <p className="shop-detail__description">{data.description}</p>
          <dl className="shop-specs">
            {Object.entries(data.specs).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="shop-detail__facts">
            {`Rated ${data.rating} / 5 by ${data.reviews} people · `}
            <span className={data.stock < 10 ? 'shop-stock shop-stock--low' : 'shop-stock'}>
              {data.stock < 10 ? `Only ${data.stock} left` : `${data.stock} in stock`}
            </span>
          </p>
        </>
      ) : status === 'error' ? (
        <p role="alert" className="shop-error">{`The details did not load: ${(error as Error).message}`}</p>
      ) : (
        <p role="status" className="shop-loading">
          Loading details…
        </p>
      )}
      <div className="shop-detail__buy">
        <PriceTag product={product} large />
        <button type="button" className="shop-button" onClick={() => addToCart(cache, product.id)}>
          Add to cart
        </button>
      </div>
      <div className="shop-detail__footer">
        <FetchNote id={product.id} isFetching={isFetching} />
        <button type="button" className="shop-button shop-button--quiet" onClick={refresh}>
          {status === 'error' ? 'Retry' : 'Refetch'}
        </button>
      </div>
    </section>
  )
}
