/** What the queue orders: anything with an expiration time (ms), `null` for never. */
export interface Expiring {
  readonly expiration: number | null
}

/**
 * The entries that can expire, in a binary min-heap by expiration, so the earliest one, all the
 * cache's one timer needs, is on top.
 *
 * Deletion is lazy: an entry that is replaced or removed stays in the heap, and `isLive` tells it
 * apart when it reaches the top. That keeps the heap to push and pop (no index per entry to keep
 * up to date, so less code and no bookkeeping on every write); the heap is rebuilt from the live
 * entries when dead ones outnumber them.
 */
export class ExpiryQueue<T extends Expiring> {
  #heap: T[] = []
  #isLive: (item: T) => boolean

  constructor(isLive: (item: T) => boolean) {
    this.#isLive = isLive
  }

  /** Adds `item` if it can expire. `live` is how many live entries the cache holds. */
  push(item: T, live: number): void {
    if (item.expiration === null) return
    const heap = this.#heap
    if (heap.length > 2 * live + 32) {
      this.#heap = heap.filter(this.#isLive)
      for (let i = this.#heap.length >> 1; i--; ) this.#down(i)
    }
    let i = this.#heap.push(item) - 1
    // Sift up.
    while (i) {
      const parent = (i - 1) >> 1
      if (at(this.#heap[parent]) <= at(item)) break
      this.#heap[i] = this.#heap[parent] as T
      i = parent
    }
    this.#heap[i] = item
  }

  /** The live entry that expires first, or `undefined`; dead entries on top are dropped. */
  peek(): T | undefined {
    const heap = this.#heap
    while (heap.length && !this.#isLive(heap[0] as T)) this.pop()
    return heap[0]
  }

  /** Removes the top entry. */
  pop(): void {
    const heap = this.#heap
    const last = heap.pop() as T
    if (!heap.length) return
    heap[0] = last
    this.#down(0)
  }

  clear(): void {
    this.#heap = []
  }

  #down(i: number): void {
    const heap = this.#heap
    const item = heap[i] as T
    const n = heap.length
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && at(heap[child + 1]) < at(heap[child])) child++
      if (at(heap[child]) >= at(item)) break
      heap[i] = heap[child] as T
      i = child
    }
    heap[i] = item
  }
}

const at = (item: Expiring | undefined): number => (item as Expiring).expiration as number
