import { useMemo } from 'react'
import { CacheDevtools } from '../../src/devtools/index'
import { CacheProvider, useCachedAsync } from '../../src/index'
import { type Counter, createCounter, useCount } from '../parts/deferredCounter'

export interface FreshPricesProps {
  /** How long a price is fresh, in ms: after that a return to the page fetches it again. */
  staleTime: number
  /** How often the stock count is fetched again while the page is shown, in ms. */
  pollEvery: number
  /** Added before each (simulated) request, in ms, so background fetches can be seen. */
  latency: number
}

const PRODUCTS = ['espresso', 'filter', 'cold brew']

/** A simulated price service: each answer is a little dearer than the last, so a refetch shows. */
function createServices(latency: number) {
  const requests = createCounter()
  let tick = 0
  const answer = <T,>(value: () => T) => {
    requests.increment()
    return new Promise<T>((resolve) => setTimeout(() => resolve(value()), latency))
  }
  return {
    requests,
    price: (product: string) => () => answer(() => 2 + PRODUCTS.indexOf(product) + (tick++ % 10) / 10),
    stock: () => answer(() => 40 - (tick++ % 40)),
  }
}
type Services = ReturnType<typeof createServices>

function Price({ product, services, staleTime }: { product: string; services: Services; staleTime: number }) {
  const { data, isFetching, isStale } = useCachedAsync(`price:${product}`, services.price(product), { staleTime })
  return (
    <li>
      {product}: <output aria-label={`price of ${product}`}>{data === undefined ? '…' : `€${data.toFixed(2)}`}</output>
      {isStale && <em> (stale)</em>}
      {isFetching && <span> (refreshing…)</span>}
    </li>
  )
}

function Stock({ services, pollEvery }: { services: Services; pollEvery: number }) {
  const { data } = useCachedAsync('stock', services.stock, { refetchInterval: pollEvery })
  return (
    <p>
      bags in stock: <output aria-label="stock">{data ?? '…'}</output> (fetched every {pollEvery / 1000} s while shown)
    </p>
  )
}

function Requests({ requests }: { requests: Counter }) {
  return (
    <p>
      requests made: <output aria-label="requests">{useCount(requests)}</output>
    </p>
  )
}

/**
 * What a browser does when the user comes back to the tab: `visibilitychange` to hidden, then to
 * visible. The state is put on the document for the moment of each event.
 */
export function comeBack(document: Document): void {
  for (const state of ['hidden', 'visible']) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
    document.dispatchEvent(new Event('visibilitychange'))
  }
  delete (document as { visibilityState?: unknown }).visibilityState
}

/**
 * A price list kept fresh with `staleTime` (a return to the page fetches the stale prices again,
 * once each, in the background), a stock count polled with `refetchInterval`, and the devtools
 * panel, which marks the stale keys.
 */
export function FreshPrices({ staleTime, pollEvery, latency }: FreshPricesProps) {
  const services = useMemo(() => createServices(latency), [latency])
  return (
    <CacheProvider defaultTtl={60_000} key={`${staleTime}/${pollEvery}/${latency}`}>
      <h2>Prices</h2>
      <ul>
        {PRODUCTS.map((product) => (
          <Price key={product} product={product} services={services} staleTime={staleTime} />
        ))}
      </ul>
      <Stock services={services} pollEvery={pollEvery} />
      <Requests requests={services.requests} />
      <button type="button" onClick={(event) => comeBack(event.currentTarget.ownerDocument)}>
        Leave the tab and come back (visibilitychange)
      </button>
      <CacheDevtools enabled initialIsOpen />
    </CacheProvider>
  )
}
