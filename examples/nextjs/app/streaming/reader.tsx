'use client'

import { useSuspenseCachedValue } from 'poche'
import { loadStreamed } from './load'

/**
 * Reads `cacheKey` with `useSuspenseCachedValue` under a `<Suspense>`. Nobody prefetched it: the
 * server fetches it while the page streams, and the layout's `<CacheStream />` sends the value
 * along with this boundary's HTML, so the browser shows it without a request.
 */
export function StreamReader({ cacheKey, delay }: { cacheKey: string; delay: number }) {
  const data = useSuspenseCachedValue(cacheKey, loadStreamed(cacheKey, delay), 60_000)
  return (
    <li data-testid="stream-reader" data-key={cacheKey}>
      <code>useSuspenseCachedValue(&apos;{cacheKey}&apos;)</code>: <span data-testid="data">{data.value}</span> (
      {data.source === 'stream' ? `fetched on the server, load #${data.request}` : `fetched in the browser`})
    </li>
  )
}
