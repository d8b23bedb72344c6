/**
 * The cache's storage. Each entry lives in a numbered slot (key and value in parallel arrays); a
 * `Map` from key to slot gives O(1) lookup and keeps insertion (or recency) order. The slots that
 * can expire sit in a 4-ary min-heap of (time, slot) pairs, so the earliest expiration, all one
 * timer needs, is at the top, and a sift compares sibling times that lie side by side in memory.
 *
 * A slot never moves while its entry lives: heap reordering only shuffles small integers in typed
 * arrays and never writes to the `Map`, so expiring or deleting costs one `Map.delete`. Parallel
 * arrays instead of an object per entry keep a million entries near 2× the memory of a bare `Map`.
 */

// Four children per node: half the depth of a binary heap, and comparing siblings is cheap.
const ARITY = 4

const grown = <T extends Float64Array | Int32Array>(array: T, length: number): T => {
  const bigger = new (array.constructor as new (length: number) => T)(length)
  bigger.set(array)
  return bigger
}

export class ExpiryHeap<K, V> {
  #slots = new Map<K, number>()
  #keys: (K | undefined)[] = []
  #values: (V | undefined)[] = []
  /** Slot → index in the heap, or -1 for a slot that never expires. */
  #positions = new Int32Array(16)
  /** Heap index → slot, and heap index → its expiration time. */
  #heap = new Int32Array(16)
  #times = new Float64Array(16)
  #heapSize = 0
  #free: number[] = []
  #unused = 0

  get size(): number {
    return this.#slots.size
  }

  /** The earliest expiration, `Infinity` when nothing can expire. */
  get earliest(): number {
    return this.#heapSize ? this.#times[0] : Infinity
  }

  /** The slot of the earliest expiration (when `earliest` is finite). */
  get first(): number {
    return this.#heap[0]
  }

  /** The slot of `key`, or -1. */
  find(key: K): number {
    const slot = this.#slots.get(key)
    return slot === undefined ? -1 : slot
  }

  keyAt(slot: number): K {
    return this.#keys[slot] as K
  }

  valueAt(slot: number): V {
    return this.#values[slot] as V
  }

  timeAt(slot: number): number {
    const at = this.#positions[slot]
    return at < 0 ? Infinity : this.#times[at]
  }

  /** Keys with their slots, in insertion order (recency order once `touch` is used). */
  entries(): IterableIterator<[K, number]> {
    return this.#slots.entries()
  }

  insert(key: K, value: V, time: number): void {
    const slot = this.#free.length ? (this.#free.pop() as number) : this.#newSlot()
    this.#keys[slot] = key
    this.#values[slot] = value
    this.#positions[slot] = -1
    this.#slots.set(key, slot)
    if (time !== Infinity) this.#push(slot, time)
  }

  update(slot: number, value: V, time: number): void {
    this.#values[slot] = value
    this.retime(slot, time)
  }

  retime(slot: number, time: number): void {
    const at = this.#positions[slot]
    if (at < 0) {
      if (time !== Infinity) this.#push(slot, time)
      return
    }
    if (time === Infinity) {
      this.#unlink(slot)
      return
    }
    const old = this.#times[at]
    this.#times[at] = time
    if (time < old) this.#up(at)
    else if (time > old) this.#down(at)
  }

  removeAt(slot: number): void {
    this.#slots.delete(this.#keys[slot] as K)
    // Drop the references so removed keys and values can be collected.
    this.#keys[slot] = this.#values[slot] = undefined
    if (this.#positions[slot] >= 0) this.#unlink(slot)
    this.#free.push(slot)
  }

  /** Moves `key` to the most recently used end of the iteration order. */
  touch(key: K): void {
    const slot = this.#slots.get(key)
    if (slot === undefined) return
    this.#slots.delete(key)
    this.#slots.set(key, slot)
  }

  /** Gives the entry in `slot` a new key; it becomes the most recently used. */
  rekey(slot: number, key: K): void {
    this.#slots.delete(this.#keys[slot] as K)
    this.#keys[slot] = key
    this.#slots.set(key, slot)
  }

  clear(): void {
    this.#slots.clear()
    this.#keys = []
    this.#values = []
    this.#positions = new Int32Array(16)
    this.#heap = new Int32Array(16)
    this.#times = new Float64Array(16)
    this.#heapSize = 0
    this.#free = []
    this.#unused = 0
  }

  #newSlot(): number {
    const slot = this.#unused++
    if (slot === this.#positions.length) this.#positions = grown(this.#positions, slot * 2)
    return slot
  }

  #push(slot: number, time: number): void {
    const at = this.#heapSize++
    if (at === this.#heap.length) {
      this.#heap = grown(this.#heap, at * 2)
      this.#times = grown(this.#times, at * 2)
    }
    this.#put(at, slot, time)
    this.#up(at)
  }

  /** Takes `slot` out of the heap; it will not expire. */
  #unlink(slot: number): void {
    const at = this.#positions[slot]
    this.#positions[slot] = -1
    const last = --this.#heapSize
    if (at === last) return
    const moved = this.#heap[last]
    this.#put(at, moved, this.#times[last])
    this.#up(at)
    this.#down(this.#positions[moved])
  }

  /** Puts `slot`, expiring at `time`, at heap index `at`. */
  #put(at: number, slot: number, time: number): void {
    this.#heap[at] = slot
    this.#times[at] = time
    this.#positions[slot] = at
  }

  // Both sifts move a hole rather than swapping, writing each moved pair once.
  #up(at: number): void {
    const times = this.#times
    const slot = this.#heap[at]
    const time = times[at]
    let hole = at
    while (hole > 0) {
      const parent = ((hole - 1) / ARITY) | 0
      if (times[parent] <= time) break
      this.#put(hole, this.#heap[parent], times[parent])
      hole = parent
    }
    this.#put(hole, slot, time)
  }

  #down(at: number): void {
    const times = this.#times
    const size = this.#heapSize
    const slot = this.#heap[at]
    const time = times[at]
    let hole = at
    for (;;) {
      const first = ARITY * hole + 1
      if (first >= size) break
      let child = first
      const end = Math.min(first + ARITY, size)
      for (let c = first + 1; c < end; c++) if (times[c] < times[child]) child = c
      if (time <= times[child]) break
      this.#put(hole, this.#heap[child], times[child])
      hole = child
    }
    this.#put(hole, slot, time)
  }
}
