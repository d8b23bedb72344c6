import { useId } from 'react'
import { useCache } from '../../src/index'
import type { Product } from './catalog'
import { type CartLine, clearCart, useCart, usePrice, useProducts } from './hooks'
import { formatPrice } from './pricing'

function CartRow({ line, product }: { line: CartLine; product: Product }) {
  const price: unknown = usePrice(product)
  const amount = (price as { amount?: unknown } | null)?.amount
  return (
    <li className="shop-cart__line">
      <span>
        <span className="shop-cart__qty">{line.qty} ×</span> {product.name}
      </span>
      <span className="shop-cart__total">{typeof amount === 'number' ? formatPrice(amount * line.qty) : '—'}</span>
    </li>
  )
}

/** The cart, read from the cache entry `cart` (no TTL): delete or edit it in the devtools and this follows. */
export function Cart() {
  const cache = useCache()
  const lines = useCart()
  const { data: products } = useProducts()
  const title = useId()
  const shown = lines.flatMap((line) => {
    const product = products?.find((p) => p.id === line.id)
    return product ? [{ line, product }] : []
  })
  return (
    <section className="shop-card" aria-labelledby={title} data-testid="cart">
      <div className="shop-card__header shop-card__header--row">
        <h2 id={title}>Cart</h2>
        {shown.length > 0 && (
          <button type="button" className="shop-button shop-button--quiet" onClick={() => clearCart(cache)}>
            Empty cart
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="shop-empty">Your cart is empty.</p>
      ) : (
        <ul className="shop-cart">
          {shown.map(({ line, product }) => (
            <CartRow key={line.id} line={line} product={product} />
          ))}
        </ul>
      )}
    </section>
  )
}

/** The header's count of items, a second reader of `cart`. */
export function CartCount() {
  const items = useCart().reduce((sum, line) => sum + line.qty, 0)
  return (
    <p className="shop-cart-count" data-testid="cart-count">
      Cart <span className="shop-pill">{items}</span>
      <span className="shop-visually-hidden">{items === 1 ? ' item' : ' items'}</span>
    </p>
  )
}
