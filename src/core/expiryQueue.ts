/**
 * When the cache's keys expire: keys grouped in one bucket per expiration time, and a binary
 * min-heap of those times, so the earliest, all the cache's one timer needs, is on top.
 *
 * Buckets, because expirations cluster: entries written in one synchronous run share one clock
 * reading, so a batch with one TTL is one bucket, a push is an array append, and expiring it
 * needs no heap work per key.
 *
 * The queue is lazy. It holds at least one node for each key that can expire, at or before that
 * key's expiration, and is told nothing when an entry is deleted, replaced or given a later
 * expiration: a node that reaches the top asks `expirationOf(key)` for the truth (`Infinity` for a
 * key that is gone or never expires) and is dropped, moved to the later time, or kept. So a write
 * that keeps or extends a TTL, the common overwrite, costs the queue nothing, and no index per
 * entry is kept up to date.
 */
// Nothing due, the common answer: one shared empty list instead of a new one each time.
const noKeys: never[] = []

export class ExpiryQueue<K> {
  // Keyed by the time itself. Offsets from a base time would hash faster (small integers), but
  // two far-apart times can round to one offset (a base near Number.MAX_VALUE makes every
  // ordinary time collide), and a bucket must never mix deadlines.
  #buckets = new Map<number, K[]>()
  /** Min-heap of the times that have a bucket. */
  #times: number[] = []
  #length = 0
  /** The earliest time's bucket, as the last `peek` found it: `take` takes from it. */
  #top: K[] = []
  #topTime = Number.NaN
  #expirationOf: (key: K) => number

  constructor(expirationOf: (key: K) => number) {
    this.#expirationOf = expirationOf
  }

  /** Nodes held, stale ones included. */
  get length(): number {
    return this.#length
  }

  /** Adds a node: `key` expires at `time` (ms) or later. */
  push(key: K, time: number): void {
    this.#length++
    const bucket = this.#buckets.get(time)
    if (bucket) {
      bucket.push(key)
      return
    }
    this.#buckets.set(time, [key])
    const times = this.#times
    let i = times.push(time) - 1
    while (i) {
      const parent = (i - 1) >> 1
      if ((times[parent] as number) <= time) break
      times[i] = times[parent] as number
      i = parent
    }
    times[i] = time
  }

  /** The earliest expiration of a live key (`Infinity` when none can expire). */
  _peek(): number {
    const times = this.#times
    while (times.length) {
      const time = times[0] as number
      let bucket = this.#top
      if (time !== this.#topTime) {
        bucket = this.#buckets.get(time) as K[]
        this.#top = bucket
        this.#topTime = time
      }
      // Checked from the end, where `#takeTop` takes from: a valid last key vouches for the bucket.
      while (bucket.length) {
        const expiration = this.#expirationOf(bucket[bucket.length - 1] as K)
        if (expiration === time) return time
        // Later (never earlier: a node is at or before its key's expiration), so the top stays.
        const key = this.#takeTop()
        if (expiration !== Infinity) this.push(key, expiration)
      }
      this.#buckets.delete(time)
      this.#topTime = Number.NaN
      this.#popTime()
    }
    return Infinity
  }

  /**
   * Takes out the keys whose expiration is at or before `now` (clock ms), earliest first, and
   * returns them. Each key is passed to `remove` as it is taken, before the next is looked at:
   * `remove` must remove the key's entry, so that any other node of that key is found stale.
   */
  _takeDue(now: number, remove: (key: K) => void): K[] {
    if (this._peek() > now) return noKeys
    const due: K[] = []
    do {
      const key = this.#takeTop()
      remove(key)
      due.push(key)
    } while (this._peek() <= now)
    return due
  }

  /** Replaces every node with one per key given that can expire, at its expiration. */
  _rebuild(keys: Iterable<K>): void {
    this.#buckets.clear()
    this.#times = []
    this.#length = 0
    this.#topTime = Number.NaN
    for (const key of keys) {
      const expiration = this.#expirationOf(key)
      if (expiration !== Infinity) this.push(key, expiration)
    }
  }

  /** Removes the node `peek` just vouched for; an emptied bucket goes at the next `peek`. */
  #takeTop(): K {
    this.#length--
    return this.#top.pop() as K
  }

  #popTime(): void {
    const times = this.#times
    const time = times.pop() as number
    const n = times.length
    if (!n) return
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && (times[child + 1] as number) < (times[child] as number)) child++
      if ((times[child] as number) >= time) break
      times[i] = times[child] as number
      i = child
    }
    times[i] = time
  }
}
