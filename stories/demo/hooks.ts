// The shop's reads, each one poche hook: the product list and details are memoized fetches, a
// price is a computed value cached for 10 s, the cart is an entry that never expires.
import { type Cache, useCachedAsync, useCachedValue } from '../../src/index'
import { detailUrl, getJson, type Product, type ProductDetail, productsUrl, ttl } from './catalog'
import type { Price } from './pricing'
import { useServices } from './services'

export function useProducts() {
  const { requests, latency } = useServices()
  return useCachedAsync<Product[]>(
    productsUrl,
    (signal) => {
      requests.record(productsUrl)
      return getJson(productsUrl, signal, latency)
    },
    ttl.products,
  )
}

export function useProductDetail(id: number) {
  const { requests, latency } = useServices()
  const url = detailUrl(id)
  return useCachedAsync<ProductDetail>(
    url,
    (signal) => {
      requests.record(url)
      return getJson(url, signal, latency)
    },
    ttl.detail,
  )
}

export const priceKey = (id: number) => `price:${id}`

/** The product's live price: quoted on a miss, kept 10 s, quoted again when it expires. */
export function usePrice(product: Product): Price {
  const { pricing } = useServices()
  return useCachedValue(priceKey(product.id), () => pricing.quote(product), ttl.price)
}

export interface CartLine {
  id: number
  qty: number
}

export const cartKey = 'cart'

const isLine = (line: unknown): line is CartLine =>
  typeof line === 'object' &&
  line !== null &&
  Number.isInteger((line as CartLine).id) &&
  Number.isInteger((line as CartLine).qty) &&
  (line as CartLine).qty > 0

/** The cart's lines; anything can be written under the key from the devtools, so lines that make no sense are left out. */
const cartLines = (stored: unknown): CartLine[] => (Array.isArray(stored) ? stored.filter(isLine) : [])

/** The cart: an entry without TTL that starts empty, and empties again if someone deletes it. */
export function useCart(): CartLine[] {
  return cartLines(useCachedValue<unknown>(cartKey, () => [], Infinity))
}

/** Adds one of a product to the cart (a write from an event handler: no hook needed). */
export function addToCart(cache: Cache<unknown, unknown>, id: number) {
  const lines = cartLines(cache.getItem(cartKey)?.value)
  const next = lines.some((line) => line.id === id)
    ? lines.map((line) => (line.id === id ? { ...line, qty: line.qty + 1 } : line))
    : [...lines, { id, qty: 1 }]
  cache.set(cartKey, next, Infinity)
}

export const clearCart = (cache: Cache<unknown, unknown>) => cache.set(cartKey, [], Infinity)
