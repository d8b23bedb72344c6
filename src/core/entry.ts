/** A live entry: its value and the clock time (ms) at which it expires, `null` for never. */
export interface CacheItem<V> {
  readonly value: V
  readonly expiration: number | null
}

/**
 * What the cache stores under a key. Immutable: a write, `expire` or `persist` stores a new one,
 * so the object a reader holds is a snapshot, and identity tells whether anything changed (which
 * is what React's useSyncExternalStore compares). The key is private, so an entry handed out as a
 * CacheItem shows only `value` and `expiration`; the expiry queue reads it to find the entry again.
 */
export class Entry<K, V> implements CacheItem<V> {
  readonly #key: K
  readonly value: V
  readonly expiration: number | null

  constructor(key: K, value: V, expiration: number | null) {
    this.#key = key
    this.value = value
    this.expiration = expiration
  }

  static keyOf<K>(entry: Entry<K, unknown>): K {
    return entry.#key
  }
}
