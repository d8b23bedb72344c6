import { useId } from 'react'
import { useCache } from '../../src/index'
import { addToCart, useProducts } from './hooks'
import { ProductRow } from './ProductRow'

/** The catalogue: one memoized fetch for the list, one cached price per product. */
export function ProductList({ selected, onSelect }: { selected: number; onSelect: (id: number) => void }) {
  const cache = useCache()
  const { data, status, error, refresh } = useProducts()
  const title = useId()
  return (
    <section className="shop-card" aria-labelledby={title}>
      <div className="shop-card__header">
        <h2 id={title}>Products</h2>
        <p className="shop-muted">Each price is cached for 10 s, then quoted again. Pick a name for its details.</p>
      </div>
      {status === 'error' && (
        <div role="alert" className="shop-error">
          {`The catalogue did not load: ${(error as Error).message}`}{' '}
          <button type="button" className="shop-button shop-button--quiet" onClick={refresh}>
            Retry
          </button>
        </div>
      )}
      {data ? (
        <ul className="shop-list">
          {data.map((product) => (
            <ProductRow
              key={product.id}
              product={product}
              selected={product.id === selected}
              onSelect={() => onSelect(product.id)}
              onAdd={() => addToCart(cache, product.id)}
            />
          ))}
        </ul>
      ) : (
        status === 'pending' && (
          <p role="status" className="shop-loading">
            Loading products…
          </p>
        )
      )}
    </section>
  )
}
