/** What the queue orders: anything with an expiration time (ms), `null` for never. */
export interface Expiring {
  readonly expiration: number | null
}

/**
 * The entries that can expire, in a binary min-heap by expiration, so the earliest one, all the
 * cache's one timer needs, is on top.
 *
 * The times sit in an array of their own beside the entries, so a sift compares numbers lying side by
 * side in memory instead of chasing a pointer to each entry (ten times slower on a heap of 100k).
 * Deletion is lazy: an entry that is replaced or removed stays in the heap, and `isLive` tells it
 * apart when it reaches the top. That keeps the heap to push and pop, with no index per entry to
 * keep up to date; it is rebuilt from the live entries when dead ones outnumber them.
 */
export class ExpiryQueue<T extends Expiring> {
  // Numbers only, so V8 keeps them unboxed and contiguous (a double array), like a Float64Array.
  #times: number[] = []
  #items: T[] = []
  #isLive: (item: T) => boolean

  constructor(isLive: (item: T) => boolean) {
    this.#isLive = isLive
  }

  /** Adds `item` if it can expire. `live` is how many live entries the cache holds. */
  push(item: T, live: number): void {
    const time = item.expiration
    if (time === null) return
    let items = this.#items
    let times = this.#times
    if (items.length > 2 * live + 32) {
      this.#items = items = items.filter(this.#isLive)
      this.#times = times = items.map((each) => each.expiration as number)
      for (let i = items.length >> 1; i--; ) this.#down(i)
    }
    let i = items.push(item) - 1
    times.push(time)
    // Sift up.
    while (i) {
      const parent = (i - 1) >> 1
      if ((times[parent] as number) <= time) break
      times[i] = times[parent] as number
      items[i] = items[parent] as T
      i = parent
    }
    times[i] = time
    items[i] = item
  }

  /** The live entry that expires first, or `undefined`; dead entries on top are dropped. */
  peek(): T | undefined {
    const items = this.#items
    while (items.length && !this.#isLive(items[0] as T)) this.pop()
    return items[0]
  }

  /** Removes the top entry. */
  pop(): void {
    const item = this.#items.pop() as T
    const time = this.#times.pop() as number
    if (!this.#items.length) return
    this.#items[0] = item
    this.#times[0] = time
    this.#down(0)
  }

  clear(): void {
    this.#items = []
    this.#times = []
  }

  #down(i: number): void {
    const times = this.#times
    const items = this.#items
    const n = items.length
    const time = times[i] as number
    const item = items[i] as T
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && (times[child + 1] as number) < (times[child] as number)) child++
      if ((times[child] as number) >= time) break
      times[i] = times[child] as number
      items[i] = items[child] as T
      i = child
    }
    times[i] = time
    items[i] = item
  }
}
