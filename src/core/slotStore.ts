import type { CacheItem } from './entry'

/**
 * Where a cache's entries live. Each key has a slot, a small number that indexes two parallel
 * arrays, of values and of expirations, so an entry costs no object of its own (memory) and an
 * overwrite allocates nothing (speed). A freed slot is reused by the next new key.
 *
 * The store knows nothing of time, listeners or size bounds: it stores, finds and removes, keeps
 * its keys in order, and counts the entries that can expire.
 */
export class SlotStore<K, V> {
  /** key → slot, in insertion order (or recency order, for callers that `moveToEnd`). */
  #slots = new Map<K, number>()
  #values: unknown[] = []
  /** slot → expiration in clock ms, `Infinity` for never: an array of unboxed doubles. */
  #expirations: number[] = []
  /** slot → the `CacheItem` handed out for it, made on request and dropped when the slot changes. */
  #items = new Map<number, CacheItem<V>>()
  /**
   * The most recently freed slot, reused first; -1 when none. A freed slot's place in `#values`
   * holds the slot freed before it, so the free slots form a list inside the values array: a
   * removal stores one number instead of growing a separate stack, which measurably slowed
   * deletes (bench/, operation "delete").
   */
  #free = -1
  /** Slots ever handed out: every slot below is in use or free. */
  #used = 0
  #expiring = 0

  /** The number of entries, expired ones not yet removed included. */
  get size(): number {
    return this.#slots.size
  }

  /** How many entries have a finite expiration. */
  get _expiring(): number {
    return this.#expiring
  }

  _slotOf(key: K): number | undefined {
    return this.#slots.get(key)
  }

  _valueAt(slot: number): V {
    return this.#values[slot] as V
  }

  /** The expiration of the entry in `slot`, in clock ms; `Infinity` for never. */
  _expirationAt(slot: number): number {
    return this.#expirations[slot] as number
  }

  /** The expiration of `key`'s entry; `Infinity` when it has none or never expires. */
  _expirationOf(key: K): number {
    const slot = this.#slots.get(key)
    return slot === undefined ? Infinity : (this.#expirations[slot] as number)
  }

  /** The entry in `slot` as a `CacheItem`: the same object until the slot is written or freed. */
  _itemAt(slot: number): CacheItem<V> {
    let item = this.#items.get(slot)
    if (!item) {
      const expiration = this.#expirations[slot] as number
      item = { value: this.#values[slot] as V, expiration: expiration === Infinity ? null : expiration }
      this.#items.set(slot, item)
    }
    return item
  }

  /** Adds `key`, which must not be in the store, as the last key; returns its slot. */
  insert(key: K, value: V, expiration: number): number {
    const slot = this.#allocate()
    this.#slots.set(key, slot)
    this.#values[slot] = value
    this.#expirations[slot] = expiration
    if (expiration !== Infinity) this.#expiring++
    return slot
  }

  /** Writes the entry in `slot`; its key keeps its place. */
  update(slot: number, value: V, expiration: number): void {
    const previous = this.#expirations[slot] as number
    this.#values[slot] = value
    this.#expirations[slot] = expiration
    if (this.#items.size) this.#items.delete(slot)
    if (previous === Infinity && expiration !== Infinity) this.#expiring++
    else if (previous !== Infinity && expiration === Infinity) this.#expiring--
  }

  /** Removes `key`, whose entry is in `slot`, and frees the slot. */
  remove(key: K, slot: number): void {
    this.#slots.delete(key)
    if (this.#expirations[slot] !== Infinity) this.#expiring--
    // The freed slot holds the next free one instead of its value, which is let go.
    this.#values[slot] = this.#free as V
    this.#expirations[slot] = Infinity
    if (this.#items.size) this.#items.delete(slot)
    this.#free = slot
  }

  /** Gives `key`'s entry to `newKey` (which must not be in the store), as the last key. */
  _rekey(key: K, newKey: K, slot: number): void {
    this.#slots.delete(key)
    this.#slots.set(newKey, slot)
  }

  /** Moves `key` to the end of the key order. */
  _moveToEnd(key: K, slot: number): void {
    this.#slots.delete(key)
    this.#slots.set(key, slot)
  }

  /** Every key with its slot, in order. */
  entries(): IterableIterator<[K, number]> {
    return this.#slots.entries()
  }

  keys(): IterableIterator<K> {
    return this.#slots.keys()
  }

  /** Removes everything, and gives back the memory a once-large store held. */
  clear(): void {
    this.#slots.clear()
    this.#values = []
    this.#expirations = []
    this.#items.clear()
    this.#free = -1
    this.#used = 0
    this.#expiring = 0
  }

  #allocate(): number {
    const free = this.#free
    if (free >= 0) {
      this.#free = this.#values[free] as number
      return free
    }
    if (this.#used === this.#values.length) {
      // Doubling, as Map grows its own table. Setting the length reserves exactly that much,
      // where growth by assignment would reserve half as much again (the memory benchmark's
      // bytes per entry show the difference).
      this.#values.length = this.#expirations.length = 2 * this.#used || 16
    }
    return this.#used++
  }
}
