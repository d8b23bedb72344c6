import { type Clock, systemClock } from './clock'
import { type CacheEvent, Emitter, type Listener } from './emitter'
import { type CacheItem, isThenable } from './entry'
import { checkDefaultTtl, checkExpiration, checkFunction, checkMaxSize, checkTtl, KeyError } from './errors'
import { ExpirySchedule } from './expirySchedule'
import type { CommittedEntries, Overlay } from './overlay'
import { promiseStateOf } from './promiseState'
import { SizeBound } from './sizeBound'
import { SlotStore } from './slotStore'
import { Staleness } from './staleness'

export type { CacheItem } from './entry'
export type { CommittedEntries } from './overlay'

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
 * Optimistic layers (`beginOptimistic`, in its own module) stand over the entries: while one
 * does, reads (`get`, `has`, `getItem`, `keys`, `values`, `items`, `size`) show the newest layer's
 * value of each key it wrote, and every write here is committed, under the layers.
 * {@link Cache.committed} reads the entries alone.
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
  #committed: CommittedEntries<K, V> | undefined
  /**
   * @internal The optimistic layers over the committed entries, set by optimistic.ts while any
   * layer stands; `undefined` otherwise, so that reads then cost one check and nothing more.
   */
  _overlay: Overlay<K, V> | undefined = undefined
  #staleness = new Staleness<V>()

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

  /** The clock the cache reads the time from and arms its timer with: the `clock` option, or the default. */
  get clock(): Clock {
    return this.#clock
  }

  /** The most live entries the cache keeps (`Infinity` when unbounded): the `maxSize` option. */
  get maxSize(): number {
    return this.#bound.max
  }

  /** The number of live entries. Expired entries still held are removed first. */
  get size(): number {
    this.#expireDue()
    return this._overlay ? this.keys().length : this.#store.size
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
    // The read path, here and in `has`, is written flat, and the default clock's `now` is kept
    // small, because V8 inlines a call only while the callee and everything inlined into it stay
    // within a bytecode budget of the caller's. When the core was split into parts, a read went
    // through two more private helpers, and `now` grew with the fake-timer check, so a read
    // carried much more bytecode: inlined into a small loop, it ran as fast as before; in a caller
    // with more to inline (a hook, a benchmark harness) the budget ran out and the read became
    // real calls. `node --trace-turbo-inlining` prints each call's inlined bytecode size.
    if (this._overlay !== undefined) return this.#visibleItemOrThrow(key).value
    const slot = this.#store._slotOf(key)
    if (slot === undefined || !this.#isFresh(slot)) return this.#missing(key, slot)
    this.#bound.use(key, slot)
    return this.#store._valueAt(slot)
  }

  /** Whether `key` has a live entry. Does not count as a use for `maxSize`. */
  has(key: K): boolean {
    if (this._overlay !== undefined) return this.#visibleItem(key) !== undefined
    const slot = this.#store._slotOf(key)
    if (slot === undefined) return false
    if (this.#isFresh(slot)) return true
    this.#expireDue()
    return false
  }

  /**
   * The live entry of `key` with its expiration, or `undefined`. Never throws, never changes the
   * cache (an expired entry is reported missing but left for the timer), and does not count as a
   * use. The same object is returned until the entry changes: a snapshot, compared by identity.
   */
  getItem(key: K): CacheItem<V> | undefined {
    if (this._overlay !== undefined) return this.#visibleItem(key)
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
   * It looks at the committed entry only (see {@link Cache.committed}): it is how a fetch fills the
   * key, and an optimistic value over the key must not stop one.
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
   * Marks live entries stale and keeps their values: `target` is a key, a predicate
   * `(key, value) => boolean` (a function is always taken as a predicate; the value is as stored, a
   * Promise for a fetched entry), or `undefined` (or nothing) for every live entry. Each marked
   * entry (but a pending `getOrCompute` Promise) becomes a new `CacheItem` (same value and expiration) and is announced to the key's subscribers and as an
   * `invalidate` event, so readers see the change: React's async hooks fetch it again in the
   * background, `useCachedValue` computes it again. The mark stays until the key is written again
   * (`set`, a fetch arriving, `hydrate`…); `expire` and `persist` keep it.
   * @returns how many entries were marked.
   * @throws whatever the predicate throws; nothing is marked then.
   */
  invalidate(target?: K | ((key: K, value: V) => boolean)): number {
    const keys = this.#matching(target)
    const store = this.#store
    for (const key of keys) {
      const slot = store._slotOf(key) as number
      // A pending getOrCompute entry keeps its item, which its settlement looks for; it is marked
      // as it is and the mark carries over when it fulfils.
      if (!this.#pendingKeys.has(store._itemAt(slot)))
        store.update(slot, store._valueAt(slot), store._expirationAt(slot))
      this.#staleness.mark(store._itemAt(slot))
    }
    for (const key of keys) this.#announce('invalidate', key)
    return keys.length
  }

  /**
   * Whether the live entry of `key` was marked stale by {@link Cache.invalidate} and not written
   * since. Never changes the cache (safe during a React render).
   */
  isInvalidated(key: K): boolean {
    return this.#staleness.has(this.#committedItem(key))
  }

  /**
   * The live keys: in insertion order, or least recently used first when `maxSize` is set.
   * Expired entries are left out (not removed: the timer or a read removes them).
   */
  keys(): K[] {
    return this.#collect((key) => key, this._overlay)
  }

  /** The live values, in the order of {@link Cache.keys}. */
  values(): V[] {
    return this.#collect((_, slot, shown) => (shown ? shown.value : this.#store._valueAt(slot)), this._overlay)
  }

  /** The live entries as `[key, item]` pairs, in the order of {@link Cache.keys}. */
  items(): [K, CacheItem<V>][] {
    return this.#collect(this.#itemPair, this._overlay)
  }

  /**
   * The committed entries alone. While an optimistic layer stands (see `beginOptimistic`),
   * `get`, `has`, `getItem`, `keys`, `values`, `items` and `size` show what the app shows: the
   * newest layer's value of each key it wrote. This view shows what the layers stand on, as
   * `persistCache`, `syncTabs` and `dehydrate` read it. The same object every time.
   */
  get committed(): CommittedEntries<K, V> {
    this.#committed ??= {
      getItem: (key) => this.#committedItem(key),
      keys: () => this.#collect((key) => key),
      items: () => this.#collect(this.#itemPair),
    }
    return this.#committed
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

  /**
   * @internal For optimistic.ts: runs `change`, a change of the overlay's layers that may change
   * what `key` shows, and announces the result with `optimistic: true` (no committed entry changed).
   */
  _changeShown(key: K, change: () => void): void {
    const before = this.getItem(key)
    change()
    const after = this.getItem(key)
    if (after === before) return
    this.#emitter._keyChanged(key)
    this.#emitter.log(after ? 'set' : 'delete', key, true)
    if (!before !== !after) this.#emitter._keyListChanged()
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

  #committedItem(key: K): CacheItem<V> | undefined {
    const slot = this.#store._slotOf(key)
    return slot === undefined || !this.#isFresh(slot) ? undefined : this.#store._itemAt(slot)
  }

  /** What `key` shows while layers stand: the newest layer's item, else the committed live one. */
  #visibleItem(key: K): CacheItem<V> | undefined {
    const top = (this._overlay as Overlay<K, V>).top(key)
    return top === undefined ? this.#committedItem(key) : (top ?? undefined)
  }

  /** As {@link Cache.get} reads while layers stand: a committed entry read counts as a use. */
  #visibleItemOrThrow(key: K): CacheItem<V> {
    const top = (this._overlay as Overlay<K, V>).top(key)
    if (top) return top
    if (top === null) throw new KeyError(key)
    const slot = this.#liveSlotOrThrow(key)
    this.#bound.use(key, slot)
    return this.#store._itemAt(slot)
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

  /** `get` found no live entry of `key` (or found it expired, in `slot`: it expires, with every other one due). */
  #missing(key: K, slot: number | undefined): never {
    if (slot !== undefined) this.#expireDue()
    throw new KeyError(key)
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
    // Checked here although `_track` checks it too: expirations are doubles, and passing one to a
    // call that is not inlined allocates a box for it, so an overwrite that keeps its expiration
    // (every write of one synchronous run shares one clock reading) would allocate for nothing.
    if (expiration !== previous) this.#schedule._track(key, expiration, previous)
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
    // The value stays, so an invalidate mark stays with it.
    const stale = this.#staleness.used && this.#staleness.has(this.#store._itemAt(slot))
    this.#store.update(slot, this.#store._valueAt(slot), expiration)
    if (stale) this.#staleness.mark(this.#store._itemAt(slot))
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

  #announce(type: 'set' | 'delete' | 'expire' | 'evict' | 'invalidate', key: K): void {
    this.#emitter._keyChanged(key)
    this.#emitter.log(type, key)
  }

  #itemPair = (key: K, slot: number, shown?: CacheItem<V>): [K, CacheItem<V>] => [
    key,
    shown ?? this.#store._itemAt(slot),
  ]

  /** The live keys that `target` of {@link Cache.invalidate} names, found before anything is marked. */
  #matching(target: K | ((key: K, value: V) => boolean) | undefined): K[] {
    // Committed entries only: an optimistic value is never marked, the entry under it is.
    if (target === undefined) return this.#collect((key) => key)
    if (typeof target !== 'function') return this.#committedItem(target) ? [target] : []
    const matches = target as (key: K, value: V) => boolean
    const keys: K[] = []
    for (const [key, slot] of this.#store.entries()) {
      if (this.#isFresh(slot) && matches(key, this.#store._valueAt(slot))) keys.push(key)
    }
    return keys
  }

  // Lists live entries without removing expired ones, so listing is safe inside a React render.
  // With an overlay, `map` gets what a layer shows as `shown` (and slot -1 for a key only a layer
  // holds: those come last, in the order first written); keys a layer deleted are left out.
  #collect<T>(map: (key: K, slot: number, shown?: CacheItem<V>) => T, overlay?: Overlay<K, V>): T[] {
    const out: T[] = []
    for (const [key, slot] of this.#store.entries()) {
      if (!this.#isFresh(slot)) continue
      const top = overlay?.top(key)
      if (top === undefined) out.push(map(key, slot))
      else if (top) out.push(map(key, slot, top))
    }
    if (overlay) {
      for (const key of overlay.keys()) {
        const top = overlay.top(key)
        if (top && !this.#committedItem(key)) out.push(map(key, -1, top))
      }
    }
    return out
  }
}
