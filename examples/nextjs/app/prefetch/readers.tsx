'use client'

import { useCachedAsync, useSuspenseCachedValue } from 'poche'
import { fetchValue, type Value } from '../value'

const origin = (value: Value): string =>
  value.source === 'prefetch'
    ? `prefetched on the server, load #${value.request}`
    : `fetched in the browser, request #${value.request}`

/**
 * Reads `cacheKey` with `useCachedAsync`. A key the server prefetched is in the cache before the
 * first render (HydrateCache put it there): `status` is `'success'` at once, on the server and in
 * the browser, and nothing is fetched. Any other key shows "loading…" until the browser has it.
 */
export function AsyncReader({ cacheKey }: { cacheKey: string }) {
  const { data, error, status } = useCachedAsync(cacheKey, fetchValue(cacheKey))
  return (
    <li data-testid="prefetch-reader" data-hook="useCachedAsync" data-key={cacheKey} data-status={status}>
      <code>useCachedAsync(&apos;{cacheKey}&apos;)</code>:{' '}
      {status === 'success' && data ? (
        <>
          <span data-testid="data">{data.value}</span> ({origin(data)})
        </>
      ) : status === 'error' ? (
        `failed: ${String(error)}`
      ) : (
        'loading…'
      )}
    </li>
  )
}

/**
 * Reads `cacheKey` with `useSuspenseCachedValue`, under a `<Suspense>`: a prefetched key never
 * suspends, so the boundary's fallback never shows. (Only for prefetched keys here: on the server
 * a missing key would be fetched with a relative URL, fail, and send the error to the boundary.)
 */
export function SuspenseReader({ cacheKey }: { cacheKey: string }) {
  const data = useSuspenseCachedValue(cacheKey, fetchValue(cacheKey))
  return (
    <li data-testid="prefetch-reader" data-hook="useSuspenseCachedValue" data-key={cacheKey} data-status="success">
      <code>useSuspenseCachedValue(&apos;{cacheKey}&apos;)</code>: <span data-testid="data">{data.value}</span> (
      {origin(data)})
    </li>
  )
}
