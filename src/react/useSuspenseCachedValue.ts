import { useDebugValue } from 'react'
import { isThenable } from '../core/entry'
import { onServer, useRenderState } from './context'
import { renderInBrowser } from './renderInBrowser'
import { type Fetcher, fetchInto, outcomeOf } from './request'
import { useComputed } from './useComputed'

/**
 * The value of `key`, fetched by `fetcher(signal)` on a miss, for use under `<Suspense>`. While
 * the request is pending the component suspends; a rejection is thrown to the nearest error
 * boundary, whose retry fetches again. One request per key, shared as in {@link useCachedAsync};
 * the TTL counts from when the value arrives. Works on React 18 and 19.
 *
 * On the server, a key that is not in the cache is fetched there only when the render streams it
 * to the browser (`renderToCacheStream` from `poche/stream`, or `CacheStream` from `poche/next`).
 * Otherwise, on React 19.3 and later, the boundary is left to the browser (its fallback is sent,
 * and the browser fetches the key with nothing reported); on earlier versions the server fetches
 * it and React renders the fallback, as `renderToString` does with any suspension.
 * @param ttl - milliseconds, counted from the value's arrival; default the cache's `defaultTtl`.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache}.
 */
export function useSuspenseCachedValue<V, K = unknown>(key: K, fetcher: Fetcher<V>, ttl?: number): V {
  const renderState = useRenderState()
  const cache = renderState.cache
  // The cache drops a rejected entry, so the render React retries after the rejection would find
  // nothing and fetch again, for ever: it throws the remembered failure instead.
  const miss = cache.getItem(key) === undefined
  const failure = miss ? renderState._takeFailure(key) : undefined
  if (failure) throw failure.error
  // A server render that does not stream this cache's data (renderToString, or no
  // renderToCacheStream / CacheStream) would fetch for nothing: the browser fetches it instead.
  if (miss && !renderState._streamed && onServer()) renderInBrowser()
  const value = (useComputed<unknown, K>(key, fetchInto(cache, key, fetcher), ttl) as { value: unknown }).value
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
