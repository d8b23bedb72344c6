import type { CacheItem } from './entry'

/**
 * What a cache reads over its committed entries while optimistic layers stand (their stack is in
 * optimistic.ts, which only an app that opens a layer imports). Only the type lives here, so the
 * cache carries none of the stack's code.
 */
export interface Overlay<K, V> {
  /**
   * What the newest-started layer that wrote `key` shows: its item (which never expires), `null`
   * where it deleted the key, `undefined` where no standing layer wrote the key.
   */
  top(key: K): CacheItem<V> | null | undefined
  /** Every key some standing layer wrote. */
  keys(): Iterable<K>
  /** The keys each open layer (a change still pending) wrote, oldest layer first: for the devtools. */
  _openLayerKeys(): K[][]
}

/**
 * The committed entries alone, without any optimistic value: what persistence, tab sync and
 * `dehydrate` read, since an optimistic value never leaves its tab or its memory.
 */
export interface CommittedEntries<K, V> {
  /** The committed live entry of `key`, as {@link Cache.getItem} gives it when no layer stands. */
  getItem(key: K): CacheItem<V> | undefined
  /** The committed live keys, in the order of `keys()`. */
  keys(): K[]
  /** The committed live entries as `[key, item]` pairs, in the order of `keys()`. */
  items(): [K, CacheItem<V>][]
}
