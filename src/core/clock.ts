/**
 * Where a cache gets its time and its timer. Every member is called at the moment it is needed,
 * so a fake clock (or `vi.useFakeTimers()`, installed after the cache was made) is obeyed exactly.
 */
export interface Clock {
  /** The current time in milliseconds. Expirations are on this scale. */
  now(): number
  /** Defaults to the global `setTimeout`. The returned handle is `unref()`ed when it has that method. */
  setTimeout?(callback: () => void, ms: number): unknown
  /** Defaults to the global `clearTimeout`. */
  clearTimeout?(handle: unknown): void
}

/** The longest delay `setTimeout` takes; a longer one fires at once. */
export const MAX_DELAY = 2_147_483_647

let runTime: number | undefined
/** Drops the shared reading, so the next read asks `Date.now()` again. */
export const forgetTime = (): void => {
  runTime = undefined
}

/**
 * The default clock. `Date.now()` costs about ten `Map.get`s, so it is read once per synchronous
 * run of code and the reading is shared until the run yields (a microtask forgets it) or the
 * expiry timer fires. A tight loop of reads pays for one clock read, and every read in one React
 * render agrees on the time.
 */
export const systemClock: Required<Clock> = {
  now() {
    if (runTime === undefined) {
      runTime = Date.now()
      queueMicrotask(forgetTime)
    }
    return runTime
  },
  // Looked up on each call, not captured at import, so fake timers installed later still apply.
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}
