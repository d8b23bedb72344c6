import { useEffect, useReducer, useRef, useState } from 'react'
import type { CacheEvent } from '../core/emitter'
import type { AnyCache } from '../react/renderState'

/** One event of the log, with the Date.now() time (ms) it happened at. */
export type LoggedEvent = CacheEvent<unknown> & { id: number; time: number }

/** What an open panel remembers of its cache between renders. */
export interface Watch {
  /** The last {@link LOG_SIZE} events, newest first. */
  log: LoggedEvent[]
  /** Per key, the expiration last seen and the time it had left then (ms): a bar's 100%. */
  totals: Map<unknown, [expiration: number, total: number]>
  /** How many of the cache's listeners are the panel's own (0 or 1). */
  own: number
}

/** How many events the log keeps. */
export const LOG_SIZE = 200

/**
 * Follows `cache` with ONE event listener while mounted (never a key listener: one would keep
 * its key from being evicted) and re-renders the caller once per burst of changes (10,000 sets in
 * one task make one render) and once a second, to count readers again. While `paused`, events
 * still re-render but are not logged.
 */
export function useWatch(cache: AnyCache, paused: boolean): Watch {
  const [, refresh] = useReducer((n: number) => n + 1, 0)
  const [watch] = useState<Watch>(() => ({ log: [], totals: new Map(), own: 0 }))
  // Read by the listener when an event comes, so that pausing keeps the one subscription.
  const pausedNow = useRef(paused)
  pausedNow.current = paused
  useEffect(() => {
    let queued = false
    let id = watch.log[0]?.id ?? 0
    const update = () => {
      queued = false
      refresh()
    }
    const stop = cache.onEvent((event) => {
      const { log, totals } = watch
      if (event.type === 'flush') totals.clear()
      else if (event.type !== 'set' && event.type !== 'invalidate') totals.delete(event.key)
      if (!pausedNow.current && log.unshift({ ...event, id: ++id, time: Date.now() }) > LOG_SIZE) log.pop()
      if (!queued) {
        queued = true
        queueMicrotask(() => queued && update())
      }
    })
    watch.own = 1
    // A component that starts or stops reading a key announces nothing (and one that moves from
    // one key to another leaves every count but two the same): readers are counted again each
    // second. The rows are memoized, so only those whose count moved render again.
    const poll = setInterval(update, 1000)
    update()
    return () => {
      stop()
      clearInterval(poll)
      watch.own = 0
      queued = false
    }
  }, [cache, watch])
  return watch
}
