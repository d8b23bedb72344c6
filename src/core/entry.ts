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
