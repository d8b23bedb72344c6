import { useCallback, useDebugValue, useEffect, useRef, useSyncExternalStore } from 'react'
import { isThenable } from '../core/entry'
import { type AsyncOptions, readOptions } from './asyncOptions'
import { useRenderState } from './context'
import { keyFetches, type Reader } from './keyFetches'
import { type Fetcher, fetchInto, type Outcome, outcomeOf, useOutcome, useRequestReader } from './request'
import { useComputed } from './useComputed'
import { useHydrating } from './useHydrating'

/** What {@link useCachedAsync} returns. */
export interface AsyncState<V> {
  /** The latest value that arrived for this key; kept on screen while a newer one is fetched. */
  data: V | undefined
  /** Why the latest request failed (after its last retry); `undefined` unless `status` is `'error'`. */
  error: unknown
  /** `'pending'` until a first value arrives, `'error'` after a failed request, else `'success'`. */
  status: 'pending' | 'success' | 'error'
  /** Whether a request for this key is in flight. */
  isFetching: boolean
  /** Failed attempts of the request in flight (or of the last one, when it failed); 0 after a success. */
  failureCount: number
  /** Whether the value on screen is stale (older than `staleTime`, or invalidated), as of this render. */
  isStale: boolean
  /** Whether `data` is the previous key's, kept by `keepPreviousData` until this key's value arrives. */
  isPreviousData: boolean
  /** Fetches again; the value on screen stays until the new one arrives. */
  refresh: () => void
}

// What one component last saw for its key: the stale-while-revalidate data, the Promise it read
// (whose failure stops it from fetching again in a loop), and the data of the key before.
interface Seen<K, V> {
  key: K
  data?: V
  read?: PromiseLike<unknown>
  previous?: { data: V }
}

/**
 * The value of `key`, fetched by `fetcher(signal)` on a miss, with its loading and error state,
 * kept fresh as `options` say (a number is `{ ttl }`; see {@link AsyncOptions}).
 *
 * One request per key: every component mounting on `key`, and any `cache.getOrCompute(key, …)`
 * caller meanwhile, shares it. The TTL counts from when the value arrives; a pending request
 * never expires. When a mounted entry expires it is fetched again while `data` stays on screen
 * with `isFetching: true`. A stale value (after `staleTime`, or `cache.invalidate`) stays on screen
 * and is fetched again in the background by the next trigger: a return to the page, `online`,
 * `refetchInterval`, a reader mounting, an invalidation. A failed attempt is retried (`retry`,
 * `retryDelay`; paused while the page is hidden or offline); after the last one the rejection
 * shows as `status: 'error'`, is not cached, and is tried again only on `refresh()`, remount or a
 * key change. `signal` aborts when the entry is deleted, flushed, evicted or `set` before the
 * request settles, or when its last reader unmounts. A `null` or `undefined` key, or
 * `enabled: false`, fetches nothing (a value already in the cache is still shown).
 *
 * On the server (no `window`) it never fetches: a key not in the cache renders `pending`, and is
 * fetched in the browser once hydration is done.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache};
 * TypeError or RangeError for an invalid option, naming it.
 */
export function useCachedAsync<V, K = unknown>(
  key: K | null | undefined,
  fetcher: Fetcher<V>,
  options?: number | AsyncOptions<V>,
): AsyncState<V> {
  const renderState = useRenderState()
  const cache = renderState.cache
  const read = readOptions(options)
  const fetches = renderState._part(keyFetches)
  const hasKey = key !== null && key !== undefined
  const seen = useRef<Seen<K | null | undefined, V>>({ key })
  // A new key starts from nothing: an old request's result never shows under it.
  if (!Object.is(seen.current.key, key)) {
    const before = seen.current
    seen.current = { key }
    const previous = 'data' in before ? { data: before.data as V } : before.previous
    if (read.keepPreviousData && previous) seen.current.previous = previous
  }
  const mine = seen.current
  const failed = mine.read !== undefined && outcomeOf(mine.read).status === 'error'
  // No fetch during a server render, nor while hydrating its HTML: the browser fetches in the
  // render that follows hydration, so both render the same `pending`.
  const hydrating = useHydrating()
  const mayFetch = hasKey && read.enabled !== false && !failed && !hydrating
  const fetch = (latest: Reader) => fetchInto(cache, key, fetches._retrying(key, latest.fetcher, latest.options))
  const entry = useComputed<unknown, K | null | undefined>(
    key,
    mayFetch ? fetch({ fetcher: fetcher as Fetcher<unknown>, options: read as AsyncOptions<unknown> }) : undefined,
    read.ttl,
  )
  const item = hasKey ? cache.getItem(key) : undefined
  const value = hasKey ? entry?.value : undefined
  // The outcome of a Promise value (undefined for a plain value), followed until it settles.
  const settled = useOutcome(value) as Outcome<V> | undefined
  useRequestReader(cache, key, value)
  const subscribe = useCallback(
    (listener: () => void) => (hasKey ? fetches.of(key).subscribe(listener) : () => {}),
    [fetches, key, hasKey],
  )
  const readState = () => fetches._stateOf(key)
  const background = useSyncExternalStore(subscribe, readState, readState)
  // The latest options and fetcher, for the triggers that run between renders.
  const reader = useRef<Reader>({ options: read as AsyncOptions<unknown>, fetcher })
  reader.current.options = read as AsyncOptions<unknown>
  reader.current.fetcher = fetcher
  const isStale = fetches.isStale(key, item, read.staleTime)
  // Mounting refetches what was stale when this reader first showed it, not a first fetch that
  // arrived between the render and this effect.
  // biome-ignore lint/correctness/useExhaustiveDependencies: isStale as of the render that mounted the key.
  useEffect(() => {
    if (!hasKey) return
    const leave = fetches.join(key, reader.current)
    fetches.sync(key, isStale)
    return leave
  }, [fetches, key, hasKey])
  // Again when the entry changes, or its Promise settles (without a TTL, that leaves the item as it was).
  // biome-ignore lint/correctness/useExhaustiveDependencies: settled is what changes when the Promise settles.
  useEffect(() => {
    if (hasKey && item) fetches.sync(key, false)
  }, [fetches, key, hasKey, item, settled])
  if (settled) mine.read = value as PromiseLike<V>
  const outcome: Outcome<V> | undefined =
    entry === undefined || !hasKey
      ? mine.read && (outcomeOf(mine.read) as Outcome<V>)
      : (settled ?? { status: 'success', value: value as V })
  if (outcome?.status === 'success') {
    mine.data = outcome.value
    mine.previous = undefined
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fetcher and options are read when called, from the reader.
  const refresh = useCallback(() => {
    if (!hasKey) return
    seen.current.read = undefined
    const release = cache.hold()
    try {
      const current = cache.getItem(key)
      const pending = isThenable(current?.value) && outcomeOf(current.value).status === 'pending'
      if (current && !pending) cache.delete(key)
      cache.getOrCompute(key, fetch(reader.current), reader.current.options.ttl)
    } finally {
      release()
    }
  }, [cache, fetches, key, hasKey])
  const status = outcome?.status
  const failure = status === 'error' ? outcome : background.failure
  const previous = 'data' in mine ? undefined : mine.previous
  const state: AsyncState<V> = {
    data: previous ? previous.data : mine.data,
    error: failure && (failure as { error: unknown }).error,
    status: failure ? 'error' : 'data' in mine ? 'success' : 'pending',
    isFetching: status === 'pending' || status === 'aborted' || background.isFetching,
    failureCount: background.failureCount,
    isStale,
    isPreviousData: previous !== undefined,
    refresh,
  }
  useDebugValue({ key, status: state.status, isFetching: state.isFetching })
  return state
}
