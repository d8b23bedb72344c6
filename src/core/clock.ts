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

// Looked up on each call, not captured at import, so fake timers installed later still apply.
/** The global `setTimeout`, as it is at the moment of the call. */
export const globalSetTimeout = (callback: () => void, ms: number): unknown => setTimeout(callback, ms)
/** The global `clearTimeout`, as it is at the moment of the call. */
export const globalClearTimeout = (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>)

const settled = Promise.resolve()

const isNative = (fn: () => number): boolean => Function.prototype.toString.call(fn).includes('[native code]')

/**
 * The default clock: `Date.now` and the global timers, each looked up when it is needed, never
 * captured, so fake timers installed at any time are obeyed.
 *
 * While `Date.now` is the engine's own function, nothing can change the time between two reads
 * of one synchronous run, so one reading serves the whole run (a Promise job forgets it): a loop
 * of reads pays for one clock read, and every read in one React render agrees on the time. Once
 * `Date.now` is anything else (vitest's, Jest's or sinon's fake timers, `vi.setSystemTime`), a
 * test may move time between any two reads, so every read asks it.
 */
function createSystemClock(): Required<Clock> {
  // `reading` is kept only while `Date.now` is `readingFrom`, a native one; else it is undefined.
  let reading: number | undefined
  let readingFrom: unknown
  /** The last `Date.now` found not to be native, so a fake clock's reads skip the check. */
  let fake: unknown
  const forget = () => {
    reading = undefined
  }
  /** The first read of a run, or every read under a fake clock: asks `Date.now` itself. */
  const read = (dateNow: () => number): number => {
    reading = undefined
    const time = dateNow()
    if (dateNow === fake) return time
    if (!isNative(dateNow)) {
      fake = dateNow
      return time
    }
    readingFrom = dateNow
    reading = time
    // A Promise job, not queueMicrotask, which a fake-timer library may replace (and never run).
    settled.then(forget)
    return time
  }
  return {
    // Kept this small so that it inlines into every read of the cache (see Cache.get): the work of a
    // first read, and of a fake clock, is in `read`.
    now() {
      const dateNow = Date.now
      return reading !== undefined && dateNow === readingFrom ? reading : read(dateNow)
    },
    setTimeout: globalSetTimeout,
    clearTimeout: globalClearTimeout,
  }
}

/**
 * The default clock, one for every cache. Its only state is a time reading, which is the same for
 * everyone, so sharing it leaks nothing between users; and one `now` function for all caches keeps
 * their reads monomorphic (a clock made per cache measured slower on `get` in an A/B of the builds).
 */
export const systemClock: Required<Clock> = /* @__PURE__ */ createSystemClock()
