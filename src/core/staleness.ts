import type { CacheItem } from './entry'

/**
 * Which entries `Cache.invalidate` marked stale. A mark belongs to the entry as it was marked (its
 * `CacheItem`, whose identity changes whenever the entry does), so a write of the key makes a new,
 * unmarked entry with no bookkeeping on the write path; only a change of TTL alone (`expire`,
 * `persist`, a pending Promise fulfilling) carries the mark over, since the value is still the old one.
 */
export class Staleness<V> {
  #marked = new WeakSet<CacheItem<V>>()
  // Whether anything was ever marked: until then a change of TTL need not look for a mark.
  #used = false

  mark(item: CacheItem<V>): void {
    this.#marked.add(item)
    this.#used = true
  }

  /** Whether `item` (an entry as `getItem` gives it) was marked stale. */
  has(item: CacheItem<V> | undefined): boolean {
    return this.#used && item !== undefined && this.#marked.has(item)
  }

  /** Whether a mark may have to be carried over from one item to the next. */
  get used(): boolean {
    return this.#used
  }
}
