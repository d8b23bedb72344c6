import { type Clock, systemClock } from './clock'
import { type CacheEvent, Emitter, type Listener } from './emitter'
import { type CacheItem, isThenable } from './entry'
import { checkDefaultTtl, checkExpiration, checkFunction, checkMaxSize, checkTtl, KeyError } from './errors'
import { ExpirySchedule } from './expirySchedule'
import { promiseStateOf } from './promiseState'
import { SizeBound } from './sizeBound'
import { SlotStore } from './slotStore'

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

/**
 * An in-memory cache whose entries expire after a time-to-live (TTL) given in milliseconds.
 *
 * Expiry is active: one timer for the whole cache, armed for the earliest expiration, removes
 * entries on time and tells their subscribers. Reads check expiry too, so a late or throttled
 * timer never lets an expired value out. Keys compare like `Map` keys (SameValueZero).
 *
 * Its parts: a {@link SlotStore} holds the entries, an {@link ExpirySchedule} knows when they
 * expire and keeps the one timer, a {@link SizeBound} orders keys by use and picks what `maxSize`
 * evicts, and an {@link Emitter} tells listeners. A write goes to the store, then to the schedule,
 * then (for a new key) to the bound, and is announced last, once the cache's state is final.
 *
 * @example
 * const cache = new Cache<string, number>({ defaultTtl: 5_000 })
 * cache.set('answer', 42)          // expires in 5 s
 * cache.set('forever', 1, Infinity)
 * cache.get('answer')              // 42, or KeyError once expired
 */
export class Cache<K = unknown, V = unknown> {
  #store = new SlotStore<K, V>()
  #emitter = new Emitter<K>()
  #schedule: ExpirySchedule<K>
  #bound: SizeBound<K>
  #clock: Clock
  #defaultTtl: number | null
  /** The key each pending `getOrCompute` item is under now: `rename` moves it. */
  #pendingKeys = new Map<CacheItem<V>, K>()
  /** How many pins each pinned key has (see `_pin`). */
  #pins = new Map<K, number>()

  /**
   * @throws TypeError or RangeError when an option is invalid: `defaultTtl` not a positive number of
   * ms, `Infinity` or `null`; `maxSize` not a positive whole number or `Infinity`; `clock` without `now()`.
   */
  constructor(options: CacheOptions = {}) {
    const { defaultTtl = null, maxSize = Infinity, clock = systemClock } = options
    this.#defaultTtl = checkDefaultTtl(defaultTtl)
    this.#bound = new SizeBound(
      checkMaxSize(maxSize),
      this.#store,
      (key) => this.#emitter._watches(key) || this.#pins.has(key),
    )
    checkFunction(clock?.now, 'clock.now')
    this.#clock = clock
    this.#schedule = new ExpirySchedule(this.#store, clock, () => this.#expireDue())
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

  /**
   * The time now by the cache's clock, in ms: what every `expiration` is measured against (so the
   * time an entry has left is `expiration - cache.now()`, whatever clock the cache was given).
   */
  now(): number {
    return this.#clock.now()
  }

  /** The most live entries the cache keeps (`Infinity` when unbounded): the `maxSize` option. */
  get maxSize(): number {
    return this.#bound.max
  }

  /** The number of live entries. Expired entries still held are removed first. */
  get size(): number {
    this.#expireDue()
    return this.#store.size
  }

  /**
   * Stores `value` under `key`, replacing any entry (a replaced key keeps its place in `keys()`).
   * A Promise `value` is followed, so that `dehydrate` can take its value once it fulfils; its
   * rejection is then handled by the cache, as with {@link Cache.getOrCompute}.
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
    const slot = this.#liveSlotOrThrow(key)
    this.#bound.use(key, slot)
    return this.#store._valueAt(slot)
  }

  /** Whether `key` has a live entry. Does not count as a use for `maxSize`. */
  has(key: K): boolean {
    return this.#liveSlot(key) !== undefined
  }

  /**
   * The live entry of `key` with its expiration, or `undefined`. Never throws, never changes the
   * cache (an expired entry is reported missing but left for the timer), and does not count as a
   * use. The same object is returned until the entry changes: a snapshot, compared by identity.
   */
  getItem(key: K): CacheItem<V> | undefined {
    const slot = this.#store._slotOf(key)
    return slot === undefined || !this.#isFresh(slot) ? undefined : this.#store._itemAt(slot)
  }

  /**
   * Stores `item.value` under `key` to expire at `item.expiration`: an absolute clock time in ms,
   * or `null` for never (the shape {@link Cache.getItem} returns). An item already expired by
   * the cache's clock is not stored, and leaves any entry of `key` as it was.
   * @returns whether the item was stored.
   * @throws TypeError when `item.expiration` is neither `null` nor a finite number; nothing changes then.
   */
  setItem(key: K, item: CacheItem<V>): boolean {
    const expiration = checkExpiration(item.expiration, 'expiration')
    if (expiration !== null && expiration <= this.#clock.now()) return false
    this.#write(key, item.value, expiration ?? Infinity)
    return true
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
    const hit = this.#liveSlot(key)
    if (hit !== undefined) {
      this.#bound.use(key, hit)
      return this.#store._valueAt(hit)
    }
    const value = factory()
    if (!isThenable(value)) {
      this.#write(key, value, this.#expiration(lifetime))
      return value
    }
    // The item outlives the entry only while nothing changes it (set, expire, persist, delete).
    const pending = this.#store._itemAt(this.#write(key, value, Infinity))
    this.#pendingKeys.set(pending, key)
    const settle = (fulfilled: boolean) => {
      const current = this.#pendingKeys.get(pending) as K
      this.#pendingKeys.delete(pending)
      const slot = this.#store._slotOf(current)
      if (slot === undefined || this.#store._itemAt(slot) !== pending) return
      if (fulfilled) this.#retime(current, slot, this.#expiration(lifetime))
      else this.#deleteAt(current, slot)
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
    this.#deleteAt(key, this.#liveSlotOrThrow(key))
  }

  /**
   * Gives the live entry of `key` a new TTL counted from now (announced as a `set`).
   * @param ttl - milliseconds, or `Infinity` for never.
   * @throws TypeError or RangeError for a bad `ttl`; KeyError when `key` is missing or expired.
   */
  expire(key: K, ttl: number): void {
    const expiration = this.#expiration(checkTtl(ttl, 'ttl'))
    this.#retime(key, this.#liveSlotOrThrow(key), expiration)
  }

  /**
   * Removes the TTL of the live entry of `key`, so it never expires (announced as a `set`).
   * @throws KeyError when `key` is missing or expired.
   */
  persist(key: K): void {
    this.#retime(key, this.#liveSlotOrThrow(key), Infinity)
  }

  /**
   * Moves the live entry of `key`, value and expiration, to `newKey`, replacing any entry there.
   * Announced as a `delete` of `key` and a `set` of `newKey`, which becomes the most recent key.
   * A pending Promise of {@link Cache.getOrCompute} moves with it: its TTL starts under `newKey`
   * when it fulfils, and a rejection removes it from there.
   * @throws KeyError when `key` is missing or expired.
   */
  rename(key: K, newKey: K): void {
    const store = this.#store
    const slot = this.#liveSlotOrThrow(key)
    const replaced = store._slotOf(newKey)
    // newKey is key itself (SameValueZero): nothing moves.
    if (replaced === slot) return
    if (replaced !== undefined) store.remove(newKey, replaced)
    store._rekey(key, newKey, slot)
    const pending = this.#pendingKeys.size ? store._itemAt(slot) : undefined
    if (pending && this.#pendingKeys.has(pending)) this.#pendingKeys.set(pending, newKey)
    // key's queue node is dropped when it surfaces; newKey needs one of its own.
    this.#schedule._track(newKey, store._expirationAt(slot), Infinity)
    this.#schedule._cancelIfIdle()
    this.#announce('delete', key)
    this.#announce('set', newKey)
    this.#emitter._keyListChanged()
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
    return this.#collect((_, slot) => this.#store._valueAt(slot))
  }

  /** The live entries as `[key, item]` pairs, in the order of {@link Cache.keys}. */
  items(): [K, CacheItem<V>][] {
    return this.#collect((key, slot) => [key, this.#store._itemAt(slot)])
  }

  /** Removes every entry; tells each removed key's subscribers, then logs one `flush` event. */
  flush(): void {
    const removed = [...this.#store.keys()]
    this.#store.clear()
    this.#schedule.clear()
    for (const key of removed) this.#emitter._keyChanged(key)
    this.#emitter.log('flush')
    if (removed.length) this.#emitter._keyListChanged()
  }

  /**
   * Calls `listener()` after the entry of `key` changes: set, delete, expire, evict, rename, flush.
   * A key with listeners is in use: `maxSize` never evicts it (React readers rely on this), and
   * eviction resumes when they unsubscribe. It still expires at its TTL.
   * @returns a function that unsubscribes (calling it again does nothing).
   * @throws TypeError when `listener` is not a function.
   */
  subscribe(key: K, listener: Listener): () => void {
    checkFunction(listener, 'listener')
    // A disposed cache arms its timer again for its new listeners.
    this.#schedule._rearm()
    const stop = this.#emitter._onKey(key, listener)
    return () => {
      stop()
      if (!this.#emitter._held) this.#evictExcess()
    }
  }

  /**
   * Calls `listener()` after the set of live keys changes (not when an existing key's value does).
   * @returns a function that unsubscribes.
   * @throws TypeError when `listener` is not a function.
   */
  subscribeKeys(listener: Listener): () => void {
    checkFunction(listener, 'listener')
    return this.#emitter._onKeyList(listener)
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
    const emitter = this.#emitter
    emitter.hold()
    let released = false
    return () => {
      if (released) return
      released = true
      // Evicted while the last hold stands, so the evictions are told with everything held.
      if (emitter._lastHold) this.#evictExcess()
      emitter.release()
    }
  }

  /**
   * @internal Keeps `key` from eviction by `maxSize`, as a listener would, until the returned
   * function is called (again: nothing). The React hooks pin a key written during render until its
   * reader has subscribed. Pins nest.
   */
  _pin(key: K): () => void {
    const pins = this.#pins
    pins.set(key, (pins.get(key) ?? 0) + 1)
    let pinned = true
    return () => {
      if (!pinned) return
      pinned = false
      const left = (pins.get(key) as number) - 1
      if (left) pins.set(key, left)
      else pins.delete(key)
      if (!left && !this.#emitter._held) this.#evictExcess()
    }
  }

  /** How many listeners of every kind are subscribed. */
  get listenerCount(): number {
    return this.#emitter.size
  }

  /**
   * How many listeners `key` has through {@link Cache.subscribe}: one per mounted React component
   * reading it, and one per request the hooks have in flight for it.
   */
  keyListenerCount(key: K): number {
    return this.#emitter._countOf(key)
  }

  /**
   * Cancels the timer and drops every listener. The entries stay and are still read with their
   * expiry checked; a later write or subscription arms the timer again.
   */
  dispose(): void {
    this.#schedule.stop()
    this.#emitter.clear()
  }

  #ttl(ttl: number | undefined): number | null {
    return ttl === undefined ? this.#defaultTtl : checkTtl(ttl, 'ttl')
  }

  #expiration(ttl: number | null): number {
    return ttl === null || ttl === Infinity ? Infinity : this.#clock.now() + ttl
  }

  #isFresh(slot: number): boolean {
    const expiration = this.#store._expirationAt(slot)
    return expiration === Infinity || expiration > this.#clock.now()
  }

  /** The slot of `key`'s live entry; finding it expired expires it (with every other one due). */
  #liveSlot(key: K): number | undefined {
    const slot = this.#store._slotOf(key)
    if (slot === undefined || this.#isFresh(slot)) return slot
    this.#expireDue()
  }

  #liveSlotOrThrow(key: K): number {
    const slot = this.#liveSlot(key)
    if (slot === undefined) throw new KeyError(key)
    return slot
  }

  /** Stores a write and announces it; returns the entry's slot. */
  #write(key: K, value: V, expiration: number): number {
    // A stored Promise is followed from now on, so that its outcome is known when it settles (and
    // before the cache announces that: this callback is registered first) and dehydrate finds it.
    if (isThenable(value)) promiseStateOf(value)
    const slot = this.#store._slotOf(key)
    if (slot !== undefined && this.#isFresh(slot)) {
      this.#overwrite(key, slot, value, expiration)
      return slot
    }
    return this.#insert(key, value, expiration, slot !== undefined)
  }

  /** Writes over the live entry of `key`, in `slot`, and announces it. */
  #overwrite(key: K, slot: number, value: V, expiration: number): void {
    const previous = this.#store._expirationAt(slot)
    this.#store.update(slot, value, expiration)
    this.#bound.use(key, slot)
    this.#schedule._track(key, expiration, previous)
    this.#announce('set', key)
  }

  /**
   * Adds `key` (whose entry, if `foundExpired`, has expired) and announces it; returns its slot.
   * Entries that expired are removed first but announced after this write, so that no listener
   * runs before the write is done: the one found, with every other one due, or, before any live
   * entry is evicted to make room, every one due.
   */
  #insert(key: K, value: V, expiration: number, foundExpired: boolean): number {
    const store = this.#store
    const expired = foundExpired || store.size >= this.#bound.max ? this.#takeExpired() : undefined
    const slot = store.insert(key, value, expiration)
    this.#schedule._track(key, expiration, Infinity)
    // While held, a write made during a React render must not evict the entry of a reader that
    // has not subscribed (and so protected its key) yet: eviction waits for the last release.
    const evicted = store.size > this.#bound.max && !this.#emitter._held ? this.#takeExcess(key) : undefined
    if (expired) for (const gone of expired) this.#announce('expire', gone)
    this.#announce('set', key)
    if (evicted) for (const victim of evicted) this.#announce('evict', victim)
    this.#emitter._keyListChanged()
    return slot
  }

  /** Gives the entry in `slot` a new expiration and announces it as a `set`. */
  #retime(key: K, slot: number, expiration: number): void {
    const previous = this.#store._expirationAt(slot)
    if (previous === expiration) return
    this.#store.update(slot, this.#store._valueAt(slot), expiration)
    this.#schedule._track(key, expiration, previous)
    this.#announce('set', key)
  }

  // The removal verbs follow one rule. `store.remove` frees storage only: the store knows no
  // listeners. `#take…` removes without announcing and returns what it took, for a caller that
  // announces once the cache's state is final (`#takeEntry` is the one-key step of `#takeExpired`).
  // `#delete…`, `#expire…` and `#evict…` remove and announce, as the event of that name.

  /** Removes the entry of `key` (in `slot`) and announces a `delete`. */
  #deleteAt(key: K, slot: number): void {
    this.#store.remove(key, slot)
    this.#schedule._cancelIfIdle()
    this.#announce('delete', key)
    this.#emitter._keyListChanged()
  }

  /** Removes every entry whose time has come, unannounced; returns their keys. */
  #takeExpired(): K[] {
    return this.#schedule._takeDue(this.#clock.now(), this.#takeEntry)
  }

  /** Removes the entry of `key`, unannounced. */
  #takeEntry = (key: K): void => {
    this.#store.remove(key, this.#store._slotOf(key) as number)
  }

  /** Removes every entry whose time has come and announces each as `expire`. */
  #expireDue(): void {
    const expired = this.#takeExpired()
    if (!expired.length) return
    for (const key of expired) this.#announce('expire', key)
    this.#emitter._keyListChanged()
  }

  /** Removes what `maxSize` evicts (never `keep`), unannounced; returns the evicted keys. */
  #takeExcess(keep?: K): K[] {
    const evicted = this.#bound._excess(keep)
    for (const key of evicted) this.#store.remove(key, this.#store._slotOf(key) as number)
    if (evicted.length) this.#schedule._cancelIfIdle()
    return evicted
  }

  /** Removes what `maxSize` evicts and announces each as `evict`. */
  #evictExcess(): void {
    const evicted = this.#takeExcess()
    if (!evicted.length) return
    for (const key of evicted) this.#announce('evict', key)
    this.#emitter._keyListChanged()
  }

  #announce(type: 'set' | 'delete' | 'expire' | 'evict', key: K): void {
    this.#emitter._keyChanged(key)
    this.#emitter.log(type, key)
  }

  // Lists live entries without removing expired ones, so listing is safe inside a React render.
  #collect<T>(map: (key: K, slot: number) => T): T[] {
    const out: T[] = []
    for (const [key, slot] of this.#store.entries()) if (this.#isFresh(slot)) out.push(map(key, slot))
    return out
  }
}
