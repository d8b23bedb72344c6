/**
 * Throws `error` again on its own, in a microtask, where the runtime reports it (the console, the
 * page's `error` event, the test runner): for an app's callback that threw where poche must carry
 * on, so that the error neither stops poche half-way nor vanishes.
 */
export const rethrowLater = (error: unknown): void =>
  queueMicrotask(() => {
    throw error
  })
