import { useState } from 'react'
import { Cart, CartCount } from './Cart'
import { useProducts } from './hooks'
import { ProductDetail } from './ProductDetail'
import { ProductList } from './ProductList'
import { ServicesProvider } from './services'
import './demo.css'

function SelectedDetail({ id }: { id: number }) {
  const { data } = useProducts()
  const product = data?.find((p) => p.id === id)
  return product ? <ProductDetail product={product} /> : null
}

export interface ShopProps {
  /** Added before each HTTP request, in ms, so loading and refetching can be seen. */
  latency?: number
}

/**
 * A small shop whose every read goes through the nearest poche cache: the catalogue and each
 * product's details are memoized fetches, prices are computed values cached for 10 s, and the cart
 * is an entry that never expires. Render it inside a CacheProvider.
 */
export function Shop({ latency = 150 }: ShopProps) {
  const [selected, setSelected] = useState(1)
  return (
    <ServicesProvider latency={latency}>
      <div className="shop">
        <header className="shop-header">
          <div className="shop-brand">
            <span className="shop-logo" aria-hidden="true">
              p
            </span>
            <div>
              <h1>poche coffee</h1>
              <p className="shop-muted">A demo shop: every read goes through one poche cache.</p>
            </div>
          </div>
          <CartCount />
        </header>
        <main className="shop-main">
          <ProductList selected={selected} onSelect={setSelected} />
          <div className="shop-side">
            <SelectedDetail id={selected} />
            <Cart />
          </div>
        </main>
      </div>
    </ServicesProvider>
  )
}
