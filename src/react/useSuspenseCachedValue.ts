import { useDebugValue } from 'react'
import { isThenable } from '../core/entry'
import { useCacheHooks } from './context'
import { type Fetcher, fetchInto, outcomeOf } from './request'
import { useComputed } from './useComputed'

/**
 * The value of `key`, fetched by `fetcher(signal)` on a miss, for use under `<Suspense>`. While
 * the request is pending the component suspends; a rejection is thrown to the nearest error
 * boundary, whose retry fetches again. One request per key, shared as in {@link useCachedAsync};
 * the TTL counts from when the value arrives. Works on React 18 and 19.
 * @param ttl - milliseconds, counted from the value's arrival; default the cache's `defaultTtl`.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache}.
 */
export function useSuspenseCachedValue<V, K = unknown>(key: K, fetcher: Fetcher<V>, ttl?: number): V {
  const hooks = useCacheHooks()
  const cache = hooks.cache
  // The cache drops a rejected entry, so the render React retries after the rejection would find
  // nothing and fetch again, for ever: it throws the remembered failure instead.
  const failure = cache.getItem(key) ? undefined : hooks.takeFailure(key)
  if (failure) throw failure.error
  const value = (useComputed<unknown, K>(key, fetchInto(cache, key, fetcher), ttl) as { value: unknown }).value
  // The formatter runs only when React DevTools inspects the component.
  useDebugValue(value, (shown) => ({ key, status: isThenable(shown) ? outcomeOf(shown).status : 'success' }))
  if (!isThenable(value)) return value as V
  const outcome = outcomeOf(value)
  if (outcome.status === 'success') return outcome.value as V
  if (outcome.status === 'error') throw outcome.error
  value.then(undefined, (error) => {
    // Not a request abandoned by a delete or flush: that one is fetched again.
    if (outcomeOf(value).status === 'error') hooks.rememberFailure(key, error)
  })
  throw value
}
