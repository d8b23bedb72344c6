import { type Clock, forgetTime, MAX_DELAY, systemClock } from './clock'
import { type CacheEvent, Emitter, type Listener } from './emitter'
import { checkTtl, describe, KeyError } from './errors'
import { ExpiryHeap } from './expiryHeap'

/** A live entry: its value and the clock time (ms) at which it expires, `null` for never. */
export interface CacheItem<V> {
  readonly value: V
  readonly expiration: number | null
}

export interface CacheOptions {
  /** TTL in milliseconds for `set` calls that give none; `null` (the default) means never expire. */
  defaultTtl?: number | null
  /**
   * The most live entries kept (default `Infinity`). Past it, the least recently used entry that
   * is not {@link Cache.retain | retained} is evicted. A positive whole number or `Infinity`.
   */
  maxSize?: number
  /** Time and timer source (default: `Date.now`, read once per synchronous run, and the global timers). */
  clock?: Clock
}

const checkDefaultTtl = (ttl: unknown): number | null => (ttl === null ? null : checkTtl(ttl, 'defaultTtl'))

const checkMaxSize = (maxSize: unknown): number => {
  if (typeof maxSize !== 'number') throw new TypeError(`maxSize must be a number, got ${describe(maxSize)}`)
  if (!(maxSize >= 1 && (maxSize === Infinity || Number.isInteger(maxSize)))) {
    throw new RangeError(`maxSize must be a positive whole number or Infinity, got ${maxSize}`)
  }
  return maxSize
}

const checkFunction = (value: unknown, name: string): void => {
  if (typeof value !== 'function') throw new TypeError(`${name} must be a function, got ${describe(value)}`)
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function'

/**
 * An in-memory cache whose entries expire after a time-to-live (TTL) given in milliseconds.
 *
 * Expiry is active: one timer for the whole cache, armed for the earliest expiration, removes
 * entries on time and tells their subscribers. Reads check expiry too, so a late or throttled
 * timer never lets an expired value out. Keys compare like `Map` keys (SameValueZero).
 *
 * @example
 * const cache = new Cache<string, number>({ defaultTtl: 5_000 })
 * cache.set('answer', 42)          // expires in 5 s
 * cache.set('forever', 1, Infinity)
 * cache.get('answer')              // 42, or KeyError once expired
 */
export class Cache<K = unknown, V = unknown> {
  #heap = new ExpiryHeap<K, V>()
  #emitter = new Emitter<K>()
  #retained = new Map<K, number>()
  #clock: Clock
  #defaultTtl: number | null
  #maxSize: number
  #timer: unknown
  /** When the pending timer fires; `Infinity` when none is pending. */
  #armedAt = Infinity
  #holds = 0

  /**
   * @throws TypeError or RangeError when an option is invalid: `defaultTtl` not a positive number of
   * ms, `Infinity` or `null`; `maxSize` not a positive whole number or `Infinity`; `clock` without `now()`.
   */
  constructor(options: CacheOptions = {}) {
    const { defaultTtl = null, maxSize = Infinity, clock = systemClock } = options
    this.#defaultTtl = checkDefaultTtl(defaultTtl)
    this.#maxSize = checkMaxSize(maxSize)
    checkFunction(clock?.now, 'clock.now')
    this.#clock = clock
  }

  /**
   * The TTL in milliseconds that `set`, `getOrSet` and `getOrCompute` use when given none;
   * `null` means never expire. Changing it affects later writes only.
   * @throws TypeError or RangeError on assignment of anything but a positive number, `Infinity` or `null`.
   */
  get defaultTtl(): number | null {
    return this.#defaultTtl
  }

  set defaultTtl(ttl: number | null) {
    this.#defaultTtl = checkDefaultTtl(ttl)
  }

  /** The number of live entries. Expired entries still held are removed first. */
  get size(): number {
    this.#purge()
    return this.#heap.size
  }

  /**
   * Stores `value` under `key`, replacing any entry (a replaced key keeps its place in `keys()`).
   * @param ttl - time to live in milliseconds, or `Infinity` for never; default `defaultTtl`.
   * @throws TypeError or RangeError when `ttl` is not a positive number or `Infinity`; nothing is stored then.
   */
  set(key: K, value: V, ttl?: number): void {
    this.#write(key, value, this.#deadline(ttl), this.#live(key))
  }

  /**
   * The live value of `key`. An expired entry is removed (and announced) when read.
   * @throws KeyError when `key` is missing or expired.
   */
  get(key: K): V {
    return this.#use(key, this.#found(key))
  }

  /** Whether `key` has a live entry. Does not count as a use for `maxSize`. */
  has(key: K): boolean {
    return this.#live(key) >= 0
  }

  /**
   * The live entry of `key` with its expiration, or `undefined`. Never throws, never changes the
   * cache (an expired entry is reported missing but left for the timer), and does not count as a
   * use. Each call returns a new object.
   */
  getItem(key: K): CacheItem<V> | undefined {
    const heap = this.#heap
    const position = heap.find(key)
    if (position < 0) return undefined
    const time = heap.timeAt(position)
    if (time !== Infinity && time <= this.#clock.now()) return undefined
    return this.#itemAt(position, time)
  }

  /**
   * The live value of `key`; when there is none, stores `value` and returns it.
   * @param ttl - milliseconds, used only when `value` is stored; default `defaultTtl`.
   * @throws TypeError or RangeError for a bad `ttl` (checked even on a hit; nothing changes).
   */
  getOrSet(key: K, value: V, ttl?: number): V {
    const deadline = this.#deadline(ttl)
    const position = this.#live(key)
    if (position >= 0) return this.#use(key, position)
    this.#write(key, value, deadline, -1)
    return value
  }

  /**
   * The live value of `key`; on a miss, calls `factory()` once, stores its result and returns it.
   *
   * A factory that returns a Promise has the Promise stored, so every caller shares one request.
   * Its TTL starts when it fulfils (a pending entry never expires); if it rejects, the entry is
   * removed (when it still holds that Promise) so the next call tries again. The cache handles the
   * rejection itself, so it is never reported as unhandled on the cache's account.
   * @param ttl - milliseconds; default `defaultTtl`.
   * @throws TypeError when `factory` is not a function; TypeError or RangeError for a bad `ttl`;
   * whatever `factory` throws (nothing is stored then).
   */
  getOrCompute(key: K, factory: () => V, ttl?: number): V {
    checkFunction(factory, 'factory')
    const lifetime = this.#ttl(ttl)
    const position = this.#live(key)
    if (position >= 0) return this.#use(key, position)
    const value = factory()
    if (!isThenable(value)) {
      this.#write(key, value, this.#deadlineOf(lifetime), this.#live(key))
      return value
    }
    this.#write(key, value, Infinity, this.#live(key))
    const settle = (fulfilled: boolean) => {
      const heap = this.#heap
      const at = heap.find(key)
      // Only the entry that still holds this very Promise, untouched by expire() or set().
      if (at < 0 || heap.valueAt(at) !== value || heap.timeAt(at) !== Infinity) return
      if (!fulfilled) this.#remove(at, 'delete')
      else if (lifetime !== null && lifetime !== Infinity) this.#retime(at, this.#clock.now() + lifetime)
    }
    value.then(
      () => settle(true),
      () => settle(false),
    )
    return value
  }

  /**
   * Removes the live entry of `key`.
   * @throws KeyError when `key` is missing or expired.
   */
  delete(key: K): void {
    this.#remove(this.#found(key), 'delete')
  }

  /**
   * Gives the live entry of `key` a new TTL counted from now (announced as a `set`).
   * @param ttl - milliseconds, or `Infinity` for never.
   * @throws TypeError or RangeError for a bad `ttl`; KeyError when `key` is missing or expired.
   */
  expire(key: K, ttl: number): void {
    const deadline = this.#deadlineOf(checkTtl(ttl, 'ttl'))
    this.#retime(this.#found(key), deadline)
  }

  /**
   * Removes the TTL of the live entry of `key`, so it never expires (announced as a `set`).
   * @throws KeyError when `key` is missing or expired.
   */
  persist(key: K): void {
    this.#retime(this.#found(key), Infinity)
  }

  /**
   * Moves the live entry of `key`, value and expiration, to `newKey`, replacing any entry there.
   * Announced as a `delete` of `key` and a `set` of `newKey`, which becomes the most recent key.
   * @throws KeyError when `key` is missing or expired.
   */
  rename(key: K, newKey: K): void {
    const heap = this.#heap
    // newKey is key itself (SameValueZero): nothing moves.
    if (heap.find(newKey) === this.#found(key)) return
    const replaced = this.#live(newKey)
    if (replaced >= 0) heap.removeAt(replaced)
    heap.rekey(heap.find(key), newKey)
    this.#schedule()
    this.#announce('delete', key)
    this.#announce('set', newKey)
    this.#emitter.keyListChanged()
  }

  /**
   * The live keys: in insertion order, or least recently used first when `maxSize` is set.
   * Expired entries are left out (not removed: the timer or a read removes them).
   */
  keys(): K[] {
    return this.#collect((key) => key)
  }

  /** The live values, in the order of {@link Cache.keys}. */
  values(): V[] {
    return this.#collect((_, position) => this.#heap.valueAt(position))
  }

  /** The live entries as `[key, item]` pairs, in the order of {@link Cache.keys}. */
  items(): [K, CacheItem<V>][] {
    return this.#collect((key, position) => [key, this.#itemAt(position, this.#heap.timeAt(position))])
  }

  /** Removes every entry; tells each removed key's subscribers, then logs one `flush` event. */
  flush(): void {
    const heap = this.#heap
    const removed = Array.from(heap.entries(), ([key]) => key)
    heap.clear()
    this.#schedule()
    for (const key of removed) this.#emitter.keyChanged(key)
    this.#emitter.log('flush')
    if (removed.length) this.#emitter.keyListChanged()
  }

  /**
   * Calls `listener()` after the entry of `key` changes: set, delete, expire, evict, rename, flush.
   * @returns a function that unsubscribes (calling it again does nothing).
   * @throws TypeError when `listener` is not a function.
   */
  subscribe(key: K, listener: Listener): () => void {
    checkFunction(listener, 'listener')
    this.#schedule()
    return this.#emitter.onKey(key, listener)
  }

  /**
   * Calls `listener()` after the set of live keys changes (not when an existing key's value does).
   * @returns a function that unsubscribes.
   * @throws TypeError when `listener` is not a function.
   */
  subscribeKeys(listener: Listener): () => void {
    checkFunction(listener, 'listener')
    return this.#emitter.onKeyList(listener)
  }

  /**
   * Calls `listener(event)` after every change, for logging and devtools. `expire()` and
   * `persist()` are logged as `set`; `rename()` as `delete` then `set`; `flush()` as one `flush`.
   * @returns a function that unsubscribes.
   * @throws TypeError when `listener` is not a function.
   */
  onEvent(listener: (event: CacheEvent<K>) => void): () => void {
    checkFunction(listener, 'listener')
    return this.#emitter.onEvent(listener)
  }

  /**
   * Protects `key` from eviction by `maxSize` until the returned function is called. Retains are
   * counted: each needs its own release. A retained entry still expires at its TTL.
   * @returns a function that releases this retain (calling it again does nothing).
   */
  retain(key: K): () => void {
    this.#retained.set(key, (this.#retained.get(key) ?? 0) + 1)
    let held = true
    return () => {
      if (!held) return
      held = false
      const count = (this.#retained.get(key) ?? 1) - 1
      if (count) this.#retained.set(key, count)
      else this.#retained.delete(key)
      this.#evictAndAnnounce()
    }
  }

  /**
   * Holds every notification, and eviction by `maxSize`, until the returned function is called.
   * Then evictions run and listeners are told: each changed key's listeners once, the key-list
   * listeners once, and the event log in order. Holds nest; the last release delivers.
   * Writes and reads work as usual meanwhile. (React hooks use this to write during render and
   * announce after commit.)
   * @returns a function that releases this hold (calling it again does nothing).
   */
  hold(): () => void {
    this.#holds++
    this.#emitter.hold()
    let held = true
    return () => {
      if (!held) return
      held = false
      // Evict before the emitter lets go, so the evictions are delivered with the rest.
      if (--this.#holds === 0) this.#evictAndAnnounce()
      this.#emitter.release()
    }
  }

  /** How many listeners of every kind are subscribed. */
  get listenerCount(): number {
    return this.#emitter.size
  }

  /**
   * Cancels the timer and drops every listener. The entries stay and are still read with their
   * expiry checked; a later write or subscription arms the timer again.
   */
  dispose(): void {
    this.#cancel()
    this.#emitter.clear()
  }

  #ttl(ttl: number | undefined): number | null {
    return ttl === undefined ? this.#defaultTtl : checkTtl(ttl, 'ttl')
  }

  #deadlineOf(ttl: number | null): number {
    return ttl === null || ttl === Infinity ? Infinity : this.#clock.now() + ttl
  }

  #deadline(ttl: number | undefined): number {
    return this.#deadlineOf(this.#ttl(ttl))
  }

  /** The slot of the live entry of `key`, or -1; an expired entry found is removed. */
  #live(key: K): number {
    const heap = this.#heap
    const position = heap.find(key)
    if (position < 0) return -1
    const time = heap.timeAt(position)
    if (time === Infinity || time > this.#clock.now()) return position
    this.#purge()
    return -1
  }

  #found(key: K): number {
    const position = this.#live(key)
    if (position < 0) throw new KeyError(key)
    return position
  }

  /** The value in `position`, read as a use of `key` (it becomes the most recently used). */
  #use(key: K, position: number): V {
    this.#touch(key)
    return this.#heap.valueAt(position)
  }

  #itemAt(position: number, time: number): CacheItem<V> {
    return { value: this.#heap.valueAt(position), expiration: time === Infinity ? null : time }
  }

  #touch(key: K): void {
    if (this.#maxSize !== Infinity) this.#heap.touch(key)
  }

  /** Writes an entry; `position` is the slot `key` lives in now, or -1 for a new key. */
  #write(key: K, value: V, deadline: number, position: number): void {
    const heap = this.#heap
    if (position >= 0) {
      heap.update(position, value, deadline)
      this.#touch(key)
    } else {
      // Expired entries go before any live one is evicted to make room.
      if (heap.size >= this.#maxSize) this.#purge()
      heap.insert(key, value, deadline)
    }
    const evicted = position < 0 ? this.#evictOverflow(key) : undefined
    this.#schedule()
    this.#announce('set', key)
    this.#announceEvictions(evicted)
    if (position < 0) this.#emitter.keyListChanged()
  }

  #retime(position: number, deadline: number): void {
    const heap = this.#heap
    if (heap.timeAt(position) === deadline) return
    heap.retime(position, deadline)
    this.#schedule()
    this.#announce('set', heap.keyAt(position))
  }

  #remove(position: number, type: 'delete'): void {
    const key = this.#heap.keyAt(position)
    this.#heap.removeAt(position)
    this.#schedule()
    this.#announce(type, key)
    this.#emitter.keyListChanged()
  }

  /** Removes every expired entry, then announces each as `expire`. */
  #purge(): void {
    const heap = this.#heap
    if (heap.earliest === Infinity) return
    const now = this.#clock.now()
    if (heap.earliest > now) return
    const expired: K[] = []
    do {
      const slot = heap.first
      expired.push(heap.keyAt(slot))
      heap.removeAt(slot)
    } while (heap.earliest <= now)
    this.#schedule()
    for (const key of expired) this.#announce('expire', key)
    this.#emitter.keyListChanged()
  }

  /** Evicts least recently used entries, never `keep` nor a retained key, until within `maxSize`. */
  #evictOverflow(keep: K | undefined): K[] | undefined {
    const heap = this.#heap
    // While held, a write made during a React render must not evict the entry of a reader that
    // has not subscribed (and so retained its key) yet: eviction waits for the release.
    if (heap.size <= this.#maxSize || this.#holds) return undefined
    const evicted: K[] = []
    for (const [key, position] of heap.entries()) {
      if (key === keep || this.#retained.has(key)) continue
      heap.removeAt(position)
      evicted.push(key)
      if (heap.size <= this.#maxSize) break
    }
    return evicted.length ? evicted : undefined
  }

  #announceEvictions(evicted: K[] | undefined): void {
    if (evicted) for (const key of evicted) this.#announce('evict', key)
  }

  #evictAndAnnounce(): void {
    const evicted = this.#evictOverflow(undefined)
    if (!evicted) return
    this.#schedule()
    this.#announceEvictions(evicted)
    this.#emitter.keyListChanged()
  }

  #announce(type: 'set' | 'delete' | 'expire' | 'evict', key: K): void {
    this.#emitter.keyChanged(key)
    this.#emitter.log(type, key)
  }

  // Lists live entries without removing expired ones, so listing is safe inside a React render.
  #collect<T>(map: (key: K, position: number) => T): T[] {
    const heap = this.#heap
    const now = heap.earliest === Infinity ? 0 : this.#clock.now()
    const out: T[] = []
    for (const [key, position] of heap.entries()) {
      const time = heap.timeAt(position)
      if (time === Infinity || time > now) out.push(map(key, position))
    }
    return out
  }

  /** Keeps exactly one timer pending while anything can expire, and none otherwise. */
  #schedule(): void {
    const next = this.#heap.earliest
    if (next === this.#armedAt) return
    // A timer that fires earlier than needed is kept: it finds nothing due and arms again.
    if (next === Infinity || this.#timer === undefined || next < this.#armedAt) this.#cancel()
    if (next === Infinity || this.#timer !== undefined) return
    const clock = this.#clock
    const now = clock.now()
    const delay = Math.min(Math.max(Math.ceil(next - now), 0), MAX_DELAY)
    this.#armedAt = Math.min(next, now + MAX_DELAY)
    const timer = clock.setTimeout ? clock.setTimeout(this.#fire, delay) : systemClock.setTimeout(this.#fire, delay)
    ;(timer as { unref?: () => void } | undefined)?.unref?.()
    this.#timer = timer
  }

  #cancel(): void {
    if (this.#timer === undefined) return
    const clock = this.#clock
    if (clock.clearTimeout) clock.clearTimeout(this.#timer)
    else systemClock.clearTimeout(this.#timer)
    this.#timer = undefined
    this.#armedAt = Infinity
  }

  #fire = (): void => {
    this.#timer = undefined
    this.#armedAt = Infinity
    forgetTime()
    this.#purge()
    this.#schedule()
  }
}
