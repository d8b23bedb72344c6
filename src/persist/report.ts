/** Receives each problem that `persistCache` or `syncTabs` meets, instead of the app. */
export type ErrorHandler = (error: unknown) => void

/** Tells a problem, unless the same one (by `id`) was told and not deleted from `told` since. */
export type Report = (id: unknown, error: unknown) => void

/**
 * Each problem is told once, then kept quiet until the caller deletes its id from `told` (the
 * failing step succeeded since): a full storage is told at the first write that fails, not at each
 * change after it. Problems go to `onError`, or else to `console.error`. A throwing `onError` does
 * not reach the code that met the problem: its error is thrown again in a microtask, where the
 * runtime reports it.
 */
export const reporter =
  (onError: ErrorHandler | undefined, told: Set<unknown> = new Set()): Report =>
  (id, error) => {
    if (told.has(id)) return
    told.add(id)
    try {
      if (onError) onError(error)
      else console.error('poche/persist:', error)
    } catch (thrown) {
      queueMicrotask(() => {
        throw thrown
      })
    }
  }
