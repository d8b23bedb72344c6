import type { SlotStore } from './slotStore'

/**
 * A cache's `maxSize`: keeps its keys in order of use, least recent first, and picks the entries
 * to evict when there are too many. An entry in use (one whose key has listeners: a mounted React
 * reader, say) is never picked, so what is on screen stays.
 */
export class SizeBound<K> {
  readonly max: number
  #store: SlotStore<K, unknown>
  #inUse: (key: K) => boolean

  constructor(max: number, store: SlotStore<K, unknown>, inUse: (key: K) => boolean) {
    this.max = max
    this.#store = store
    this.#inUse = inUse
  }

  /** Records a use of `key` (in `slot`): it becomes the most recent. Nothing to record without a bound. */
  use(key: K, slot: number): void {
    if (this.max !== Infinity) this.#store._moveToEnd(key, slot)
  }

  /**
   * The keys to evict so that at most `max` entries remain, least recently used first; never
   * `keep` (the key just written) nor a key in use. Fewer when too many are in use.
   */
  _excess(keep?: K): K[] {
    let over = this.#store.size - this.max
    const victims: K[] = []
    if (over <= 0) return victims
    for (const key of this.#store.keys()) {
      if (key === keep || this.#inUse(key)) continue
      victims.push(key)
      if (!--over) break
    }
    return victims
  }
}
