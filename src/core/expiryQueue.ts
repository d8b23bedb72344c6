/**
 * When the cache's keys expire, in a binary min-heap of (time, key) nodes, so the earliest time,
 * all the cache's one timer needs, is on top.
 *
 * The heap is lazy. It holds at least one node for each key that can expire, at or before that
 * key's expiration, and is told nothing when an entry is deleted, replaced or given a later
 * expiration: a node that reaches the top asks `expirationOf(key)` for the truth and is dropped
 * (gone, or never expires), moved to the later time, or kept. So a write that keeps or extends a
 * TTL, the common overwrite, costs the heap nothing, and no index per entry is kept up to date.
 * The times sit in an array of numbers of their own, which V8 keeps unboxed and contiguous, so a
 * sift compares neighbouring numbers instead of chasing a pointer per node.
 */
export class ExpiryQueue<K> {
  #times: number[] = []
  #keys: K[] = []
  #expirationOf: (key: K) => number | null | undefined

  constructor(expirationOf: (key: K) => number | null | undefined) {
    this.#expirationOf = expirationOf
  }

  get length(): number {
    return this.#keys.length
  }

  /** Adds a node: `key` expires at `time` (ms) or later. */
  push(key: K, time: number): void {
    const times = this.#times
    const keys = this.#keys
    let i = keys.push(key) - 1
    times.push(time)
    while (i) {
      const parent = (i - 1) >> 1
      if ((times[parent] as number) <= time) break
      times[i] = times[parent] as number
      keys[i] = keys[parent] as K
      i = parent
    }
    times[i] = time
    keys[i] = key
  }

  /** The earliest expiration of a live key (`Infinity` when none can expire); its key is `topKey`. */
  peek(): number {
    const times = this.#times
    const keys = this.#keys
    while (keys.length) {
      const key = keys[0] as K
      const expiration = this.#expirationOf(key)
      if (expiration === times[0]) return expiration
      this.pop()
      if (expiration != null) this.push(key, expiration)
    }
    return Infinity
  }

  /** The key of the top node (after `peek`). */
  get topKey(): K {
    return this.#keys[0] as K
  }

  /** Removes the top node. */
  pop(): void {
    const key = this.#keys.pop() as K
    const time = this.#times.pop() as number
    if (!this.#keys.length) return
    this.#keys[0] = key
    this.#times[0] = time
    this.#down(0)
  }

  /** Replaces every node with one per entry that can expire, at its expiration. */
  rebuild(entries: Iterable<[K, { readonly expiration: number | null }]>): void {
    this.#keys = []
    this.#times = []
    for (const [key, { expiration }] of entries) {
      if (expiration === null) continue
      this.#keys.push(key)
      this.#times.push(expiration)
    }
    for (let i = this.#keys.length >> 1; i--; ) this.#down(i)
  }

  #down(i: number): void {
    const times = this.#times
    const keys = this.#keys
    const n = keys.length
    const time = times[i] as number
    const key = keys[i] as K
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && (times[child + 1] as number) < (times[child] as number)) child++
      if ((times[child] as number) >= time) break
      times[i] = times[child] as number
      keys[i] = keys[child] as K
      i = child
    }
    times[i] = time
    keys[i] = key
  }
}
