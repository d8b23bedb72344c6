import { useDebugValue, useEffect, useRef } from 'react'
import { isThenable } from '../core/entry'
import { type AsyncOptions, readOptions, type SuspenseOptions } from './asyncOptions'
import { onServer, useRenderState } from './context'
import { keyFetches, type Reader } from './keyFetches'
import { renderInBrowser } from './renderInBrowser'
import { type Fetcher, fetchInto, outcomeOf } from './request'
import { useComputed } from './useComputed'

/**
 * The value of `key`, fetched by `fetcher(signal)` on a miss, for use under `<Suspense>`. While
 * the request is pending the component suspends; a failed attempt is retried first (`retry`,
 * `retryDelay`), and the last rejection is thrown to the nearest error boundary, whose retry
 * fetches again. One request per key, shared as in {@link useCachedAsync}; the TTL counts from
 * when the value arrives. Once shown, a value is kept fresh as in {@link useCachedAsync}
 * (`staleTime`, the refetch triggers, `cache.invalidate`): a background refetch never suspends
 * again. `enabled` and `keepPreviousData` are not taken: a suspending reader always has its own
 * key's value to show. Works on React 18 and 19.
 *
 * On the server, a key that is not in the cache is fetched there only when the render streams it
 * to the browser (`renderToCacheStream` from `poche/stream`, or `CacheStream` from `poche/next`),
 * and never retried there. Otherwise, on React 19.3 and later, the boundary is left to the browser
 * (its fallback is sent, and the browser fetches the key with nothing reported); on earlier
 * versions the server fetches it and React renders the fallback, as `renderToString` does with
 * any suspension.
 * @param options - a number is `{ ttl }`; see {@link AsyncOptions}.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache};
 * TypeError or RangeError for an invalid option, naming it.
 */
export function useSuspenseCachedValue<V, K = unknown>(
  key: K,
  fetcher: Fetcher<V>,
  options?: number | SuspenseOptions<V>,
): V {
  const renderState = useRenderState()
  const cache = renderState.cache
  const read = readOptions(options) as AsyncOptions<unknown>
  const fetches = renderState._part(keyFetches)
  // The cache drops a rejected entry, so the render React retries after the rejection would find
  // nothing and fetch again, for ever: it throws the remembered failure instead.
  const miss = cache.getItem(key) === undefined
  const failure = miss ? renderState._takeFailure(key) : undefined
  if (failure) throw failure.error
  // A server render that does not stream this cache's data (renderToString, or no
  // renderToCacheStream / CacheStream) would fetch for nothing: the browser fetches it instead.
  if (miss && !renderState._streamed && onServer()) renderInBrowser()
  const fetch = fetchInto(cache, key, fetches._retrying(key, fetcher as Fetcher<unknown>, read))
  const value = (useComputed<unknown, K>(key, fetch, read.ttl) as { value: unknown }).value
  const reader = useRef<Reader>({ options: read, fetcher })
  reader.current.options = read
  reader.current.fetcher = fetcher
  const item = cache.getItem(key)
  const isStale = fetches.isStale(key, item, read.staleTime)
  // biome-ignore lint/correctness/useExhaustiveDependencies: isStale as of the render that mounted the key (see useCachedAsync).
  useEffect(() => {
    const leave = fetches.join(key, reader.current)
    fetches.sync(key, isStale)
    return leave
  }, [fetches, key])
  useEffect(() => {
    if (item) fetches.sync(key, false)
  }, [fetches, key, item])
  // The formatter runs only when React DevTools inspects the component.
  useDebugValue(value, (shown) => ({ key, status: isThenable(shown) ? outcomeOf(shown).status : 'success' }))
  if (!isThenable(value)) return value as V
  const outcome = outcomeOf(value)
  if (outcome.status === 'success') return outcome.value as V
  if (outcome.status === 'error') throw outcome.error
  value.then(undefined, (error) => {
    // Not a request abandoned by a delete or flush: that one is fetched again.
    if (outcomeOf(value).status === 'error') renderState._rememberFailure(key, error)
  })
  throw value
}
