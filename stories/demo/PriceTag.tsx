import { useCache } from '../../src/index'
import type { Product } from './catalog'
import { priceKey, usePrice } from './hooks'
import { formatPrice } from './pricing'
import { secondsUntil, useNow } from './useNow'

/**
 * A product's live price and when it will be quoted again. The countdown reads the entry's
 * expiration without subscribing (usePrice already re-renders this on every change of the key),
 * so the devtools count this component as one reader.
 */
export function PriceTag({ product, large = false }: { product: Product; large?: boolean }) {
  const price: unknown = usePrice(product)
  const cache = useCache()
  const now = useNow()
  const left = secondsUntil(cache.getItem(priceKey(product.id))?.expiration, now)
  // Anything can be written under the key from the devtools: show what makes sense.
  const { amount, quote } = (typeof price === 'object' && price !== null ? price : {}) as {
    amount?: unknown
    quote?: unknown
  }
  return (
    <div className={large ? 'shop-price shop-price--large' : 'shop-price'}>
      <span className="shop-price__amount" data-testid={`price-${product.id}`}>
        {typeof amount === 'number' ? formatPrice(amount) : '—'}
      </span>
      <span className="shop-price__meta" data-testid={`price-meta-${product.id}`}>
        {typeof quote === 'number' && `quote ${quote} · `}
        {left === null ? 'price fixed' : `refreshes in ${left} s`}
      </span>
    </div>
  )
}
