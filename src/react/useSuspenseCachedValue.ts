import { type Cache, isThenable } from '../core/cache'
import { useCache } from './context'
import { type Fetcher, fetchInto, outcomeOf } from './request'
import { useComputed } from './useComputed'

// The rejection a suspended render is woken by. The cache drops a rejected entry, so the render
// React retries would find nothing and fetch again, for ever; it throws this instead. Kept for
// the rest of the render pass (every sibling on the key throws it), forgotten after it, so the
// error boundary's retry fetches again.
const failures = new WeakMap<Cache<unknown, unknown>, Map<unknown, unknown>>()

const remember = (cache: Cache<unknown, unknown>, key: unknown, promise: PromiseLike<unknown>): void => {
  promise.then(undefined, (error) => {
    // Not a request abandoned by a delete or flush: that one is fetched again.
    if (outcomeOf(promise).status !== 'error') return
    const failed = failures.get(cache) ?? new Map()
    failures.set(cache, failed)
    failed.set(key, error)
  })
}

const takeFailure = (cache: Cache<unknown, unknown>, key: unknown): { error: unknown } | undefined => {
  const failed = failures.get(cache)
  if (!failed?.has(key)) return undefined
  const error = failed.get(key)
  queueMicrotask(() => failed.delete(key))
  return { error }
}

/**
 * The value of `key`, fetched by `fetcher(signal)` on a miss, for use under `<Suspense>`. While
 * the request is pending the component suspends; a rejection is thrown to the nearest error
 * boundary, whose retry fetches again. One request per key, shared as in {@link useCachedAsync};
 * the TTL counts from when the value arrives. Works on React 18 and 19.
 * @param ttl - milliseconds, counted from the value's arrival; default the cache's `defaultTtl`.
 */
export function useSuspenseCachedValue<V, K = unknown>(key: K, fetcher: Fetcher<V>, ttl?: number): V {
  const cache = useCache<K, unknown>()
  const failure = cache.getItem(key) ? undefined : takeFailure(cache as Cache<unknown, unknown>, key)
  if (failure) throw failure.error
  const value = (useComputed<unknown, K>(key, fetchInto(cache, key, fetcher), ttl) as { value: unknown }).value
  if (!isThenable(value)) return value as V
  const outcome = outcomeOf(value)
  if (outcome.status === 'success') return outcome.value as V
  if (outcome.status === 'error') throw outcome.error
  remember(cache as Cache<unknown, unknown>, key, value)
  throw value
}
