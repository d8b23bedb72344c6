import type { Clock } from '../core/clock'
import type { AsyncOptions } from './asyncOptions'
import { onServer } from './context'
import { onPage, pageOnline, pageVisible } from './pageEvents'
import type { Fetcher } from './request'
import { startTimer } from './timer'

type RetryOptions = Pick<AsyncOptions<unknown>, 'retry' | 'retryDelay'>

const defaultDelay = (attempt: number): number => Math.min(1000 * 2 ** attempt, 30_000)

const shouldRetry = ({ retry = 3 }: RetryOptions, failureCount: number, error: unknown): boolean =>
  typeof retry === 'function' ? retry(failureCount, error) : typeof retry === 'number' ? failureCount <= retry : retry

const aborted = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('aborted', 'AbortError')

/** Waits `ms` by `clock`; rejects (and cancels the timer) when `signal` aborts. */
const sleep = (clock: Clock, ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const cancel = startTimer(clock, done, ms)
    const stop = () => {
      cancel()
      reject(aborted(signal))
    }
    function done() {
      signal.removeEventListener('abort', stop)
      resolve()
    }
    signal.addEventListener('abort', stop, { once: true })
  })

/** Resolves once the page is shown and online; rejects when `signal` aborts. */
const whenActive = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (pageVisible() && pageOnline()) return resolve()
    const check = () => {
      if (!pageVisible() || !pageOnline()) return
      stop()
      resolve()
    }
    const stopReturn = onPage('return', check)
    const stopOnline = onPage('online', check)
    const stop = () => {
      stopReturn()
      stopOnline()
      signal.removeEventListener('abort', abort)
    }
    const abort = () => {
      stop()
      reject(aborted(signal))
    }
    signal.addEventListener('abort', abort, { once: true })
  })

/**
 * `fetcher`, tried again after each failure as `options.retry` and `options.retryDelay` say, by
 * `clock`'s timers; while the page is hidden or offline the next attempt waits until it is back.
 * `onFailures(count)` hears the number of failures so far after each one, and 0 after a success. The last failure is what the returned fetcher rejects with. An aborted signal
 * ends it at once. On the server it is `fetcher` itself: nothing is retried there.
 */
export function retrying<V>(
  fetcher: Fetcher<V>,
  options: RetryOptions,
  clock: Clock,
  onFailures: (count: number) => void,
): Fetcher<V> {
  if (onServer()) return fetcher
  return async (signal) => {
    for (let failures = 0; ; ) {
      try {
        const value = await fetcher(signal)
        onFailures(0)
        return value
      } catch (error) {
        if (signal.aborted) throw error
        failures++
        onFailures(failures)
        if (!shouldRetry(options, failures, error)) throw error
        const { retryDelay = defaultDelay } = options
        await sleep(clock, typeof retryDelay === 'function' ? retryDelay(failures - 1, error) : retryDelay, signal)
        await whenActive(signal)
      }
    }
  }
}
