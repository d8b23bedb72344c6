// The shop's data: the product list and one detail file per product, real JSON files that
// Storybook serves from stories/public (staticDirs), fetched over HTTP.

export interface Product {
  id: number
  name: string
  category: string
  /** The list price in euros; the live price drifts around it (see pricing.ts). */
  basePrice: number
}

export interface ProductDetail {
  id: number
  name: string
  description: string
  specs: Record<string, string>
  rating: number
  reviews: number
  stock: number
}

export const productsUrl = '/api/products.json'
export const detailUrl = (id: number) => `/api/products/${id}.json`

/** How long the shop keeps each kind of entry, in ms. */
export const ttl = { products: 5 * 60_000, price: 10_000, detail: 30_000 } as const

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })

/**
 * GETs a JSON file after `latency` ms (so a loading state can be seen), and aborts when poche
 * aborts the request (the entry was deleted or flushed, or its last reader left).
 */
export async function getJson<T>(url: string, signal: AbortSignal, latency: number): Promise<T> {
  await wait(latency, signal)
  const response = await fetch(url, { signal })
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`)
  return (await response.json()) as T
}
