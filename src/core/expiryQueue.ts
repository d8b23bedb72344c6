/** What the queue orders: anything with an expiration time (ms), `null` for never. */
export interface Expiring {
  readonly expiration: number | null
}

/**
 * The entries that can expire, in a binary min-heap by expiration, so the earliest one, all the
 * cache's one timer needs, is on top.
 *
 * The times sit in a Float64Array beside the entries, so a sift compares numbers lying side by
 * side in memory instead of chasing a pointer to each entry (ten times slower on a heap of 100k).
 * Deletion is lazy: an entry that is replaced or removed stays in the heap, and `isLive` tells it
 * apart when it reaches the top. That keeps the heap to push and pop, with no index per entry to
 * keep up to date; it is rebuilt from the live entries when dead ones outnumber them.
 */
export class ExpiryQueue<T extends Expiring> {
  #times = new Float64Array(64)
  #items: T[] = []
  #size = 0
  #isLive: (item: T) => boolean

  constructor(isLive: (item: T) => boolean) {
    this.#isLive = isLive
  }

  /** Adds `item` if it can expire. `live` is how many live entries the cache holds. */
  push(item: T, live: number): void {
    const time = item.expiration
    if (time === null) return
    if (this.#size > 2 * live + 32) {
      const kept = this.#items.slice(0, this.#size).filter(this.#isLive)
      this.#size = 0
      for (const each of kept) this.#put(each.expiration as number, each)
      this.#items.length = this.#size
      for (let i = this.#size >> 1; i--; ) this.#down(i)
    }
    let i = this.#put(time, item)
    const times = this.#times
    const items = this.#items
    // Sift up.
    while (i) {
      const parent = (i - 1) >> 1
      if (times[parent] <= time) break
      times[i] = times[parent]
      items[i] = items[parent] as T
      i = parent
    }
    times[i] = time
    items[i] = item
  }

  /** The live entry that expires first, or `undefined`; dead entries on top are dropped. */
  peek(): T | undefined {
    while (this.#size && !this.#isLive(this.#items[0] as T)) this.pop()
    return this.#size ? this.#items[0] : undefined
  }

  /** Removes the top entry. */
  pop(): void {
    const last = --this.#size
    this.#times[0] = this.#times[last]
    this.#items[0] = this.#items[last] as T
    this.#items[last] = undefined as unknown as T
    if (last) this.#down(0)
  }

  clear(): void {
    this.#items = []
    this.#size = 0
  }

  /** Appends at the end (growing the arrays); returns the index. */
  #put(time: number, item: T): number {
    const i = this.#size++
    if (i === this.#times.length) {
      const times = new Float64Array(i * 2)
      times.set(this.#times)
      this.#times = times
    }
    this.#times[i] = time
    this.#items[i] = item
    return i
  }

  #down(i: number): void {
    const times = this.#times
    const items = this.#items
    const n = this.#size
    const time = times[i] as number
    const item = items[i] as T
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && times[child + 1] < times[child]) child++
      if (times[child] >= time) break
      times[i] = times[child]
      items[i] = items[child] as T
      i = child
    }
    times[i] = time
    items[i] = item
  }
}
