import { type Clock, globalClearTimeout, globalSetTimeout, MAX_DELAY } from '../core/clock'

/**
 * Calls `callback` once after `ms` (capped at the longest delay `setTimeout` takes) by `clock`'s
 * timers, or the global ones as they are now. The timer never keeps a Node process alive.
 * @returns a function that cancels it.
 */
export function startTimer(clock: Clock, callback: () => void, ms: number): () => void {
  const handle = (clock.setTimeout ?? globalSetTimeout)(callback, Math.min(Math.max(ms, 0), MAX_DELAY))
  ;(handle as { unref?: () => void } | undefined)?.unref?.()
  return () => (clock.clearTimeout ?? globalClearTimeout)(handle)
}
