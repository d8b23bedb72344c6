/** A Promise settled from outside, for fetchers a test controls. */
export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

export const deferred = <T>(): Deferred<T> => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

/**
 * A fetcher that records each call's signal and answers each with its own deferred, which
 * rejects with an AbortError when the signal fires, as `fetch` does.
 */
export const controlledFetcher = <T>() => {
  const calls: Array<Deferred<T> & { signal: AbortSignal }> = []
  const fetcher = (signal: AbortSignal): Promise<T> => {
    const call = { ...deferred<T>(), signal }
    signal.addEventListener('abort', () => call.reject(new DOMException('aborted', 'AbortError')))
    calls.push(call)
    return call.promise
  }
  return { calls, fetcher }
}

/** Lets every pending Promise reaction run. */
export const flushPromises = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
