import { type Clock, globalClearTimeout, globalSetTimeout, MAX_DELAY, systemClock } from './clock'
import { type CacheEvent, Emitter, type Listener } from './emitter'
import type { CacheItem } from './entry'
import { checkFunction, checkTtl, KeyError } from './errors'
import { ExpiryQueue } from './expiryQueue'

export type { CacheItem } from './entry'

export interface CacheOptions {
  /** TTL in milliseconds for `set` calls that give none; `null` (the default) means never expire. */
  defaultTtl?: number | null
  /**
   * The most live entries kept (default `Infinity`). Past it, the least recently used entry that
   * has no listeners (see {@link Cache.subscribe}) is evicted. A positive whole number or `Infinity`.
   */
  maxSize?: number
  /**
   * Time and timer source. Default: `Date.now` and the global timers, looked up at each use, so
   * fake timers (vitest, Jest, sinon) installed at any time are obeyed at once.
   */
  clock?: Clock
}

const checkDefaultTtl = (ttl: unknown): number | null => (ttl === null ? null : checkTtl(ttl, 'defaultTtl'))

const checkMaxSize = (maxSize: unknown): number => {
  // Infinity passes as a "ttl" does; a whole number is all that is left to check.
  if (maxSize !== Infinity && checkTtl(maxSize, 'maxSize') % 1) {
    throw new RangeError(`maxSize must be a whole number or Infinity, got ${maxSize}`)
  }
  return maxSize as number
}

/** Whether `value` is a Promise (or any thenable): what `getOrCompute` stores as a request. */
export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
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
  // Entries live in slots: parallel arrays indexed by a small number, so an entry costs no object
  // of its own (memory) and an overwrite allocates nothing (speed).
  // key → slot. Insertion order, or least recently used first when maxSize is set (a use moves a key last).
  #slots = new Map<K, number>()
  /** slot → value. A free slot holds the next free slot instead (a list ending in -1). */
  #values: unknown[] = []
  /** slot → expiration in clock ms, `Infinity` for never (an array of unboxed doubles). */
  #expirations: number[] = []
  /** slot → the snapshot `getItem` handed out, dropped when the slot changes. */
  #items = new Map<number, CacheItem<V>>()
  #free = -1
  /** Entries that can expire. While there are any, a timer is pending. */
  #expiring = 0
  /** Slots ever handed out: the ones below are in use or free. */
  #used = 0
  /** The slot of the key the queue asked about last: the one `take` then returns (see `#purge`). */
  #probed = -1
  #queue = new ExpiryQueue<K>((key) => {
    const slot = this.#slots.get(key)
    if (slot === undefined) return Infinity
    this.#probed = slot
    return this.#expirations[slot] as number
  })
  #emitter = new Emitter<K>()
  #clock: Clock
  #defaultTtl: number | null
  #maxSize: number
  #timer: unknown
  /** When the pending timer fires; `Infinity` when none is pending. */
  #armedAt = Infinity
  /**
   * The earliest expiration as of the last `#schedule`: never later than the true one, and earlier
   * only after a removal or an extension, which lets the timer fire once for nothing rather than
   * look into the queue on every delete and overwrite.
   */
  #next = Infinity
  #holds = 0

  /**
   * @throws TypeError or RangeError when an option is invalid: `defaultTtl` not a positive number of
   * ms, `Infinity` or `null`; `maxSize` not a positive whole number or `Infinity`; `clock` without `now()`.
   */
  constructor(options: CacheOptions = {}) {
    const { defaultTtl = null, maxSize = Infinity, clock = systemClock() } = options
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
    return this.#slots.size
  }

  /**
   * Stores `value` under `key`, replacing any entry (a replaced key keeps its place in `keys()`).
   * @param ttl - time to live in milliseconds, or `Infinity` for never; default `defaultTtl`.
   * @throws TypeError or RangeError when `ttl` is not a positive number or `Infinity`; nothing is stored then.
   */
  set(key: K, value: V, ttl?: number): void {
    this.#write(key, value, this.#expiration(this.#ttl(ttl)))
  }

  /**
   * The live value of `key`. An expired entry is removed (and announced) when read.
   * @throws KeyError when `key` is missing or expired.
   */
  get(key: K): V {
    return this.#values[this.#use(key, this.#found(key))] as V
  }

  /** Whether `key` has a live entry. Does not count as a use for `maxSize`. */
  has(key: K): boolean {
    return this.#live(key) !== undefined
  }

  /**
   * The live entry of `key` with its expiration, or `undefined`. Never throws, never changes the
   * cache (an expired entry is reported missing but left for the timer), and does not count as a
   * use. The same object is returned until the entry changes: a snapshot, compared by identity.
   */
  getItem(key: K): CacheItem<V> | undefined {
    const slot = this.#slots.get(key)
    return slot === undefined || !this.#fresh(slot) ? undefined : this.#itemAt(slot)
  }

  /**
   * The live value of `key`; when there is none, stores `value` and returns it. A Promise `value`
   * is stored as {@link Cache.getOrCompute} stores one (TTL from fulfilment, removed on rejection).
   * @param ttl - milliseconds, used only when `value` is stored; default `defaultTtl`.
   * @throws TypeError or RangeError for a bad `ttl` (checked even on a hit; nothing changes).
   */
  getOrSet(key: K, value: V, ttl?: number): V {
    return this.getOrCompute(key, () => value, ttl)
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
    const hit = this.#live(key)
    if (hit !== undefined) return this.#values[this.#use(key, hit)] as V
    const value = factory()
    if (!isThenable(value)) {
      this.#write(key, value, this.#expiration(lifetime))
      return value
    }
    // Its snapshot outlives the entry only while nothing changes it (set, expire, persist).
    const pending = this.#itemAt(this.#write(key, value, Infinity))
    const settle = (fulfilled: boolean) => {
      const slot = this.#slots.get(key) as number
      if (this.#items.get(slot) !== pending) return
      if (!fulfilled) this.#remove(key, slot)
      else this.#retime(key, slot, this.#expiration(lifetime))
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
    this.#remove(key, this.#found(key))
  }

  /**
   * Gives the live entry of `key` a new TTL counted from now (announced as a `set`).
   * @param ttl - milliseconds, or `Infinity` for never.
   * @throws TypeError or RangeError for a bad `ttl`; KeyError when `key` is missing or expired.
   */
  expire(key: K, ttl: number): void {
    const expiration = this.#expiration(checkTtl(ttl, 'ttl'))
    this.#retime(key, this.#found(key), expiration)
  }

  /**
   * Removes the TTL of the live entry of `key`, so it never expires (announced as a `set`).
   * @throws KeyError when `key` is missing or expired.
   */
  persist(key: K): void {
    this.#retime(key, this.#found(key), Infinity)
  }

  /**
   * Moves the live entry of `key`, value and expiration, to `newKey`, replacing any entry there.
   * Announced as a `delete` of `key` and a `set` of `newKey`, which becomes the most recent key.
   * @throws KeyError when `key` is missing or expired.
   */
  rename(key: K, newKey: K): void {
    const slot = this.#found(key)
    const slots = this.#slots
    const replaced = slots.get(newKey)
    // newKey is key itself (SameValueZero): nothing moves.
    if (replaced === slot) return
    slots.delete(key)
    if (replaced !== undefined) this.#discard(newKey, replaced)
    slots.set(newKey, slot)
    this.#enqueue(newKey, this.#expirations[slot] as number, Infinity)
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
    return this.#collect((_, slot) => this.#values[slot] as V)
  }

  /** The live entries as `[key, item]` pairs, in the order of {@link Cache.keys}. */
  items(): [K, CacheItem<V>][] {
    return this.#collect((key, slot) => [key, this.#itemAt(slot)])
  }

  /** Removes every entry; tells each removed key's subscribers, then logs one `flush` event. */
  flush(): void {
    const removed = [...this.#slots.keys()]
    this.#slots.clear()
    // Fresh slot arrays: a flush gives back the memory a once-large cache held.
    this.#values = []
    this.#expirations = []
    this.#items.clear()
    this.#free = -1
    this.#expiring = 0
    this.#used = 0
    this.#queue.rebuild([])
    this.#schedule()
    for (const key of removed) this.#emitter.keyChanged(key)
    this.#emitter.log('flush')
    if (removed.length) this.#emitter.keyListChanged()
  }

  /**
   * Calls `listener()` after the entry of `key` changes: set, delete, expire, rename, flush.
   * A key with listeners is in use: `maxSize` never evicts it (React readers rely on this), and
   * eviction resumes when they unsubscribe. It still expires at its TTL.
   * @returns a function that unsubscribes (calling it again does nothing).
   * @throws TypeError when `listener` is not a function.
   */
  subscribe(key: K, listener: Listener): () => void {
    checkFunction(listener, 'listener')
    this.#schedule()
    const stop = this.#emitter.onKey(key, listener)
    return () => {
      stop()
      this.#evict()
    }
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
    return once(() => {
      // Evict before the emitter lets go, so the evictions are delivered with the rest.
      if (!--this.#holds) this.#evict()
      this.#emitter.release()
    })
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
    this.#next = Infinity
    this.#emitter.clear()
  }

  #ttl(ttl: number | undefined): number | null {
    return ttl === undefined ? this.#defaultTtl : checkTtl(ttl, 'ttl')
  }

  #expiration(ttl: number | null): number {
    return ttl === null || ttl === Infinity ? Infinity : this.#clock.now() + ttl
  }

  #fresh(slot: number): boolean {
    const expiration = this.#expirations[slot] as number
    return expiration === Infinity || expiration > this.#clock.now()
  }

  /** The slot of `key`'s live entry; an expired one found is removed (with every other expired one). */
  #live(key: K): number | undefined {
    const slot = this.#slots.get(key)
    if (slot === undefined || this.#fresh(slot)) return slot
    this.#purge()
  }

  #found(key: K): number {
    const slot = this.#live(key)
    if (slot === undefined) throw new KeyError(key)
    return slot
  }

  /** Reads `slot` as a use of `key`: with `maxSize`, it becomes the most recently used. */
  #use(key: K, slot: number): number {
    if (this.#maxSize !== Infinity) {
      this.#slots.delete(key)
      this.#slots.set(key, slot)
    }
    return slot
  }

  /** The snapshot of `slot`: made on first request, the same object until the slot changes. */
  #itemAt(slot: number): CacheItem<V> {
    let item = this.#items.get(slot)
    if (!item) {
      const expiration = this.#expirations[slot] as number
      item = { value: this.#values[slot] as V, expiration: expiration === Infinity ? null : expiration }
      this.#items.set(slot, item)
    }
    return item
  }

  /**
   * Writes `slot`, which expired at `previous` (`Infinity` for a new slot): drops its snapshot and
   * keeps the count of expiring entries.
   */
  #put(slot: number, value: unknown, expiration: number, previous: number): void {
    this.#values[slot] = value
    this.#expirations[slot] = expiration
    if (this.#items.size) this.#items.delete(slot)
    if (expiration !== previous) this.#expiring += +(expiration !== Infinity) - +(previous !== Infinity)
  }

  #allocate(): number {
    const slot = this.#free
    if (slot >= 0) {
      this.#free = this.#values[slot] as number
      return slot
    }
    const values = this.#values
    if (this.#used === values.length) {
      // Doubling, as Map grows its own table. Setting the length reserves exactly that much,
      // where growth by assignment would reserve half as much again.
      values.length = this.#expirations.length = 2 * values.length || 16
    }
    return this.#used++
  }

  /** Removes `key`, whose entry is in `slot`, and frees the slot. */
  #discard(key: K, slot: number): void {
    this.#slots.delete(key)
    this.#put(slot, this.#free, Infinity, this.#expirations[slot] as number)
    this.#free = slot
  }

  /**
   * Keeps the expiry queue holding a node at or before `key`'s expiration: none is needed when the
   * entry had one at or before its `previous`, earlier, expiration. Re-arms the timer when the
   * deadline comes earlier, or cancels it when nothing is left to expire.
   */
  #enqueue(key: K, expiration: number, previous: number): void {
    const queue = this.#queue
    if (expiration < previous) {
      // Nodes of deleted or shortened entries linger until they surface: rebuild when they pile up.
      if (queue.length > 2 * this.#slots.size + 32) queue.rebuild(this.#slots.keys())
      queue.push(key, expiration)
    }
    // With nothing left to expire, #schedule cancels the timer (and drops stale queue nodes).
    if (expiration < this.#next || !this.#expiring) this.#schedule()
  }

  /** Stores a write; returns the slot. */
  #write(key: K, value: V, expiration: number): number {
    const slots = this.#slots
    const existing = this.#live(key)
    let slot = existing
    let previous = Infinity
    if (slot === undefined) {
      // Expired entries go before any live one is evicted to make room.
      if (slots.size >= this.#maxSize) this.#purge()
      slot = this.#allocate()
      slots.set(key, slot)
    } else {
      previous = this.#expirations[slot] as number
      this.#use(key, slot)
    }
    this.#put(slot, value, expiration, previous)
    if (expiration !== previous) this.#enqueue(key, expiration, previous)
    const evicted = existing === undefined ? this.#overflow(key) : undefined
    this.#announce('set', key)
    if (evicted) for (const key of evicted) this.#announce('evict', key)
    if (existing === undefined) this.#emitter.keyListChanged()
    return slot
  }

  #retime(key: K, slot: number, expiration: number): void {
    const previous = this.#expirations[slot] as number
    if (previous === expiration) return
    this.#put(slot, this.#values[slot], expiration, previous)
    this.#enqueue(key, expiration, previous)
    this.#announce('set', key)
  }

  #remove(key: K, slot: number): void {
    this.#discard(key, slot)
    if (!this.#expiring) this.#schedule()
    this.#announce('delete', key)
    this.#emitter.keyListChanged()
  }

  /** Removes every expired entry, then announces each as `expire`. */
  #purge(): void {
    const queue = this.#queue
    const now = this.#clock.now()
    if (queue.peek() > now) return
    const expired: K[] = []
    do {
      const key = queue.take()
      expired.push(key)
      // peek() has just asked for this key's expiration: no second lookup for its slot.
      this.#discard(key, this.#probed)
    } while (queue.peek() <= now)
    this.#schedule()
    for (const key of expired) this.#announce('expire', key)
    this.#emitter.keyListChanged()
  }

  /** Evicts least recently used entries, never `keep` nor a key with listeners, until within `maxSize`. */
  #overflow(keep?: K): K[] | undefined {
    const slots = this.#slots
    // While held, a write made during a React render must not evict the entry of a reader that
    // has not subscribed (and so protected its key) yet: eviction waits for the release.
    if (slots.size <= this.#maxSize || this.#holds) return
    const evicted: K[] = []
    for (const [key, slot] of slots) {
      if (slots.size <= this.#maxSize) break
      if (key === keep || this.#emitter.watches(key)) continue
      this.#discard(key, slot)
      evicted.push(key)
    }
    this.#schedule()
    return evicted
  }

  #evict(): void {
    const evicted = this.#overflow()
    if (!evicted?.length) return
    for (const key of evicted) this.#announce('evict', key)
    this.#emitter.keyListChanged()
  }

  #announce(type: 'set' | 'delete' | 'expire' | 'evict', key: K): void {
    this.#emitter.keyChanged(key)
    this.#emitter.log(type, key)
  }

  // Lists live entries without removing expired ones, so listing is safe inside a React render.
  #collect<T>(map: (key: K, slot: number) => T): T[] {
    const out: T[] = []
    for (const [key, slot] of this.#slots) if (this.#fresh(slot)) out.push(map(key, slot))
    return out
  }

  /** Keeps exactly one timer pending while anything can expire, and none otherwise. */
  #schedule(): void {
    const next = this.#queue.peek()
    this.#next = next
    if (next === this.#armedAt) return
    // A timer that fires earlier than needed is kept: it finds nothing due and arms again.
    if (next === Infinity || next < this.#armedAt) this.#cancel()
    if (next === Infinity || this.#timer !== undefined) return
    const clock = this.#clock
    const now = clock.now()
    this.#armedAt = Math.min(next, now + MAX_DELAY)
    const timer = (clock.setTimeout ?? globalSetTimeout)(
      this.#fire,
      Math.min(Math.max(Math.ceil(next - now), 0), MAX_DELAY),
    )
    ;(timer as { unref?: () => void } | undefined)?.unref?.()
    this.#timer = timer
  }

  #cancel(): void {
    if (this.#timer === undefined) return
    ;(this.#clock.clearTimeout ?? globalClearTimeout)(this.#timer)
    this.#timer = undefined
    this.#armedAt = Infinity
  }

  #fire = (): void => {
    this.#timer = undefined
    this.#armedAt = Infinity
    this.#purge()
    this.#schedule()
  }
}

/** `release` wrapped so that calling it again does nothing. */
const once = (release: () => void): (() => void) => {
  let done = false
  return () => {
    if (!done) {
      done = true
      release()
    }
  }
}
