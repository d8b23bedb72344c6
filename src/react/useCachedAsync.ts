import { useCallback, useDebugValue, useRef } from 'react'
import { isThenable } from '../core/entry'
import { useCache } from './context'
import { type Fetcher, fetchInto, type Outcome, outcomeOf, useOutcome, useRequestReader } from './request'
import { useComputed } from './useComputed'

/** What {@link useCachedAsync} returns. */
export interface AsyncState<V> {
  /** The latest value that arrived for this key; kept on screen while a newer one is fetched. */
  data: V | undefined
  /** Why the latest request failed; `undefined` unless `status` is `'error'`. */
  error: unknown
  /** `'pending'` until a first value arrives, `'error'` after a failed request, else `'success'`. */
  status: 'pending' | 'success' | 'error'
  /** Whether a request for this key is in flight. */
  isFetching: boolean
  /** Fetches again; the value on screen stays until the new one arrives. */
  refresh: () => void
}

// What one component last saw for its key: the stale-while-revalidate data, and the Promise it
// read, whose failure stops it from fetching again in a loop.
interface Seen<K, V> {
  key: K
  data?: V
  read?: PromiseLike<unknown>
}

/**
 * The value of `key`, fetched by `fetcher(signal)` on a miss, with its loading and error state.
 *
 * One request per key: every component mounting on `key`, and any `cache.getOrCompute(key, …)`
 * caller meanwhile, shares it. The TTL counts from when the value arrives; a pending request
 * never expires. When a mounted entry expires it is fetched again while `data` stays on screen
 * with `isFetching: true`. A rejection shows as `status: 'error'`, is not cached, and is tried
 * again only on `refresh()`, remount or a key change. `signal` aborts when the entry is deleted,
 * flushed, evicted or `set` before the request settles, or when its last reader unmounts.
 * @param ttl - milliseconds, counted from the value's arrival; default the cache's `defaultTtl`.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache}.
 */
export function useCachedAsync<V, K = unknown>(key: K, fetcher: Fetcher<V>, ttl?: number): AsyncState<V> {
  const cache = useCache<K, unknown>()
  const seen = useRef<Seen<K, V>>({ key })
  // A new key starts from nothing: an old request's result never shows under it.
  if (!Object.is(seen.current.key, key)) seen.current = { key }
  const mine = seen.current
  const failed = mine.read !== undefined && outcomeOf(mine.read).status === 'error'
  const entry = useComputed<unknown, K>(key, failed ? undefined : fetchInto(cache, key, fetcher), ttl)
  const value = entry?.value
  // The outcome of a Promise value (undefined for a plain value), followed until it settles.
  const settled = useOutcome(value) as Outcome<V> | undefined
  useRequestReader(cache, key, value)
  if (settled) mine.read = value as PromiseLike<V>
  const outcome: Outcome<V> | undefined =
    entry === undefined
      ? mine.read && (outcomeOf(mine.read) as Outcome<V>)
      : (settled ?? { status: 'success', value: value as V })
  if (outcome?.status === 'success') mine.data = outcome.value
  const refresh = useCallback(() => {
    seen.current.read = undefined
    const release = cache.hold()
    try {
      const item = cache.getItem(key)
      const pending = isThenable(item?.value) && outcomeOf(item.value).status === 'pending'
      if (item && !pending) cache.delete(key)
      cache.getOrCompute(key, fetchInto(cache, key, fetcher), ttl)
    } finally {
      release()
    }
  }, [cache, key, fetcher, ttl])
  const status = outcome?.status
  const state: AsyncState<V> = {
    data: mine.data,
    error: status === 'error' ? (outcome as { error: unknown }).error : undefined,
    status: status === 'error' ? 'error' : 'data' in mine ? 'success' : 'pending',
    isFetching: status === 'pending' || status === 'aborted',
    refresh,
  }
  useDebugValue({ key, status: state.status, isFetching: state.isFetching })
  return state
}
