import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { Cache } from '../core/cache'
import { isThenable } from '../core/entry'
import { type PromiseState, promiseStateOf } from '../core/promiseState'

/** What the hooks know of a Promise read from the cache; `aborted` ones were abandoned by poche. */
export type Outcome<V> = PromiseState<V> | { status: 'aborted' }

/** A fetch that the hooks started: how many committed components read it, and how to abandon it. */
interface Request {
  readers: number
  aborted: boolean
  abort(): void
}

/** Fetches the value of a key: returns a Promise for it, and should stop when `signal` aborts. */
export type Fetcher<V> = (signal: AbortSignal) => PromiseLike<V>

const aborted: Outcome<never> = { status: 'aborted' }

// The requests the hooks started, per Promise (a Promise is one request wherever it is read, and
// its record goes with it, so nothing is shared between server requests).
const requests = new WeakMap<PromiseLike<unknown>, Request>()

/**
 * The outcome of `promise`, following it from the first time it is seen; `aborted` for a request
 * the hooks abandoned before it settled. Also for Promises a non-React caller stored with
 * `getOrCompute`. The same object until it changes.
 */
export const outcomeOf = <V>(promise: PromiseLike<V>): Outcome<V> =>
  requests.get(promise)?.aborted ? aborted : promiseStateOf(promise)

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
    promiseStateOf(promise)
    const stop = cache.subscribe(key, () => {
      if (cache.committed.getItem(key)?.value !== promise) request.abort()
    })
    const request: Request = {
      readers: 0,
      aborted: false,
      abort() {
        stop()
        if (promiseStateOf(promise).status !== 'pending' || request.aborted) return
        request.aborted = true
        controller.abort()
      },
    }
    requests.set(promise, request)
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
    // Under an optimistic value, the component still reads the request the layer stands on.
    const read = isThenable(value) ? value : cache.committed.getItem(key)?.value
    const request = isThenable(read) ? requests.get(read) : undefined
    if (!request) return
    request.readers++
    return () => {
      if (--request.readers) return
      queueMicrotask(() => {
        if (request.readers || outcomeOf(read as PromiseLike<unknown>).status !== 'pending') return
        request.abort()
        if (cache.committed.getItem(key)?.value === read) cache.delete(key)
      })
    }
  }, [cache, key, value])
}
