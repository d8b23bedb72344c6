import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { Cache } from '../core/cache'
import { isThenable } from '../core/entry'

/** What is known of a Promise read from the cache. `aborted` ones were abandoned by poche. */
export type Outcome<V> =
  | { status: 'pending' }
  | { status: 'success'; value: V }
  | { status: 'error'; error: unknown }
  | { status: 'aborted' }

/** A fetch that the hooks started: how many committed components read it, and how to abandon it. */
interface Request {
  readers: number
  abort(): void
}

/** Fetches the value of a key: returns a Promise for it, and should stop when `signal` aborts. */
export type Fetcher<V> = (signal: AbortSignal) => PromiseLike<V>

/** What the hooks know of one Promise read from a cache: its outcome, and the request if they started it. */
interface Tracked {
  outcome: Outcome<unknown>
  request?: Request
}

// Per Promise, not per cache: a Promise is one request wherever it is read, and the entry goes
// with the Promise (no other module-level state is kept by the hooks).
const tracked = new WeakMap<PromiseLike<unknown>, Tracked>()

const track = (promise: PromiseLike<unknown>): Tracked => {
  let known = tracked.get(promise)
  if (!known) {
    const entry: Tracked = { outcome: { status: 'pending' } }
    known = entry
    tracked.set(promise, entry)
    const settle = (outcome: Outcome<unknown>) => {
      if (entry.outcome.status === 'pending') entry.outcome = outcome
    }
    promise.then(
      (value) => settle({ status: 'success', value }),
      (error) => settle({ status: 'error', error }),
    )
  }
  return known
}

/**
 * The outcome of `promise`, following it from the first time it is seen. Also for Promises a
 * non-React caller stored with `getOrCompute`.
 */
export const outcomeOf = <V>(promise: PromiseLike<V>): Outcome<V> => track(promise).outcome as Outcome<V>

/**
 * A factory for `cache.getOrCompute(key, …)` that starts `fetcher` with an AbortSignal. The
 * signal fires once the cache no longer holds the request (deleted, flushed, evicted, replaced
 * by a `set`) or its last reader unmounts before it settles; its result is dropped then.
 */
export const fetchInto =
  <K, V>(cache: Cache<K, unknown>, key: K, fetcher: Fetcher<V>) =>
  (): Promise<V> => {
    const controller = new AbortController()
    // A fetcher that throws at once fails like one that rejects.
    const promise = new Promise<V>((resolve) => resolve(fetcher(controller.signal)))
    const known = track(promise)
    const stop = cache.subscribe(key, () => {
      if (cache.getItem(key)?.value !== promise) request.abort()
    })
    const request: Request = {
      readers: 0,
      abort() {
        stop()
        if (known.outcome.status !== 'pending') return
        known.outcome = { status: 'aborted' }
        controller.abort()
      },
    }
    known.request = request
    promise.then(stop, stop)
    return promise
  }

const ignore = (): void => {}

/**
 * Re-renders the calling component when `value`, a Promise it rendered, settles. Through
 * useSyncExternalStore, so the re-render joins the one the cache's own announcement of the
 * arrival causes (React 18 would render twice for a state update), and a settlement between
 * render and subscription is not missed.
 */
export function useOutcome(value: unknown): Outcome<unknown> | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!isThenable(value)) return ignore
      let live = true
      const settled = () => {
        if (live) onChange()
      }
      value.then(settled, settled)
      return () => {
        live = false
      }
    },
    [value],
  )
  const read = () => (isThenable(value) ? outcomeOf(value) : undefined)
  return useSyncExternalStore(subscribe, read, read)
}

/**
 * Counts the calling component as a reader of `value` while it is a pending request the hooks
 * started. When the last reader goes (unmount or key change), the request is aborted and its
 * entry removed. That waits a microtask, as StrictMode unmounts and mounts again at once.
 */
export function useRequestReader<K>(cache: Cache<K, unknown>, key: K, value: unknown): void {
  useEffect(() => {
    const request = isThenable(value) ? tracked.get(value)?.request : undefined
    if (!request) return
    request.readers++
    return () => {
      if (--request.readers) return
      queueMicrotask(() => {
        if (request.readers || outcomeOf(value as PromiseLike<unknown>).status !== 'pending') return
        request.abort()
        if (cache.getItem(key)?.value === value) cache.delete(key)
      })
    }
  }, [cache, key, value])
}
