/**
 * A live entry: its value and the clock time (ms) at which it expires, `null` for never.
 * `getItem` hands out the same frozen-in-time object until a write, `expire` or `persist`
 * changes the entry, so identity tells whether anything changed (which is what React's
 * useSyncExternalStore compares).
 */
export interface CacheItem<V> {
  readonly value: V
  readonly expiration: number | null
}

/** Whether `value` is a Promise (or any thenable): what `getOrCompute` stores as a pending request. */
export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function'
