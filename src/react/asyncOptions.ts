import { checkTtl, invalid } from '../core/errors'

/**
 * The third argument of {@link useCachedAsync} and {@link useSuspenseCachedValue}. All times are
 * in milliseconds. A number `n` in its place means `{ ttl: n }`.
 */
export interface AsyncOptions<V> {
  /** Hard expiry, counted from the value's arrival: an expired value is never shown. Default: the cache's `defaultTtl`. */
  ttl?: number
  /**
   * After this long from its arrival a value is stale: still shown, and the next trigger (a return
   * to the page, `online`, the interval, a reader mounting) fetches it again in the background.
   * `0`: every trigger fetches. Default: never stale before it expires (`ttl`), unless invalidated.
   */
  staleTime?: number
  /** Fetch stale keys again when the page comes back (`visibilitychange` to visible, or `focus` after `blur`). Default `true`. */
  refetchOnFocus?: boolean
  /** Fetch stale keys again on the `online` event. Default `true`. */
  refetchOnReconnect?: boolean
  /**
   * While a reader is mounted, fetch the key again this long after each arrival (the shortest
   * interval among the key's readers); a function gets the data and may return `false` for none.
   * Default: none.
   */
  refetchInterval?: number | false | ((data: V | undefined) => number | false)
  /** Keep polling while the page is hidden. Default `false`: polling pauses and resumes when the page shows. */
  refetchIntervalInBackground?: boolean
  /**
   * How many failed attempts are tried again before the error shows: a number, `true` (for ever),
   * `false` (none) or `(failureCount, error) => boolean`. Default `3`. Never on the server.
   */
  retry?: number | boolean | ((failureCount: number, error: unknown) => boolean)
  /** The wait before a retry: ms, or `(attempt, error) => ms` (attempt counts from 0). Default `min(1000 · 2^attempt, 30000)`. */
  retryDelay?: number | ((attempt: number, error: unknown) => number)
  /** `false` fetches nothing and starts no timer; a value already in the cache is still shown. Default `true`. */
  enabled?: boolean
  /** On a key change, keep the previous key's `data` until the new key's value arrives (`isPreviousData: true`). Default `false`. */
  keepPreviousData?: boolean
}

/** The options of {@link useSuspenseCachedValue}: a suspending reader always fetches, and has nothing previous to show. */
export type SuspenseOptions<V> = Omit<AsyncOptions<V>, 'enabled' | 'keepPreviousData'>

const BOOLEANS = [
  'refetchOnFocus',
  'refetchOnReconnect',
  'refetchIntervalInBackground',
  'enabled',
  'keepPreviousData',
] as const

const checkMs = (value: unknown, name: string): void => {
  if (typeof value !== 'number') throw invalid(name, 'a number of ms', value)
  if (!(value >= 0)) throw invalid(name, '>= 0 ms', value, RangeError)
}

const checkNumberOrFunction = (value: unknown, name: string): void => {
  if (typeof value !== 'function') checkMs(value, name)
}

/**
 * The options as an object (a number is `{ ttl }`), checked.
 * @throws TypeError or RangeError naming the first invalid option and its value.
 */
export function readOptions<V>(options: number | AsyncOptions<V> | undefined): AsyncOptions<V> {
  if (options === undefined) return {}
  if (typeof options === 'number') return { ttl: checkTtl(options, 'ttl') }
  if (typeof options !== 'object' || options === null) throw invalid('options', 'an object or a number', options)
  if (options.ttl !== undefined) checkTtl(options.ttl, 'options.ttl')
  if (options.staleTime !== undefined) checkMs(options.staleTime, 'options.staleTime')
  for (const name of BOOLEANS) {
    const value = options[name]
    if (value !== undefined && typeof value !== 'boolean') throw invalid(`options.${name}`, 'a boolean', value)
  }
  const { refetchInterval, retry, retryDelay } = options
  if (refetchInterval !== undefined && refetchInterval !== false) {
    checkNumberOrFunction(refetchInterval, 'options.refetchInterval')
    if (refetchInterval === 0) throw invalid('options.refetchInterval', '> 0 ms', 0, RangeError)
  }
  if (typeof retry === 'number' && !(retry >= 0 && (Number.isInteger(retry) || retry === Infinity))) {
    throw invalid('options.retry', 'a whole number >= 0', retry, RangeError)
  }
  if (retry !== undefined && !['number', 'boolean', 'function'].includes(typeof retry)) {
    throw invalid('options.retry', 'a number, a boolean or a function', retry)
  }
  if (retryDelay !== undefined) checkNumberOrFunction(retryDelay, 'options.retryDelay')
  return options
}
