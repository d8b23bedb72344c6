/**
 * A live entry: its value and the clock time (ms) at which it expires, `null` for never. The
 * cache stores one immutable object per entry and hands that very object out: a write, `expire`
 * or `persist` stores a new one, so identity tells whether anything changed (which is what
 * React's useSyncExternalStore compares).
 */
export interface CacheItem<V> {
  readonly value: V
  readonly expiration: number | null
}
