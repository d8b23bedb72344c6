import type { Cache } from '../core/cache'
import { MAX_DELAY } from '../core/clock'
import { checkFunction, describe } from '../core/errors'
import { type CacheSnapshot, dehydrate, hydrate } from '../core/snapshot'
import { checkCache, checkFunctions, checkName, checkRange } from './checks'
import { settledValueOrWait } from './fulfilment'
import { onPageExit } from './pageExit'
import { encode, type PersistedCache } from './record'
import { type ErrorHandler, reporter } from './report'

/** Where {@link persistCache} keeps its record: `localStorage`, `sessionStorage`, or any object with these methods. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Options of {@link persistCache}. */
export interface PersistOptions<K, V> {
  /** The storage key the record is kept under. Required, a non-empty string. */
  name: string
  /**
   * Default: `globalThis.localStorage`, looked up when first needed (it is missing on a server, and
   * throws on access in some private modes: both are reported, and nothing is read or written).
   */
  storage?: StorageLike
  /** The version of the data the app reads and writes, a number >= 0 (default `0`). A record of another version goes to `migrate`. */
  version?: number
  /**
   * Turns the snapshot of a record written by another `version` into one of this version (stored
   * again in this version at the next write), or returns `undefined` to drop the record (it is
   * removed from storage). Without it, such a record is reported and not read; the next write
   * replaces it.
   */
  migrate?: (snapshot: CacheSnapshot<unknown, unknown>, fromVersion: number) => CacheSnapshot<K, V> | undefined
  /** Which entries are stored (default: all); called with the value a fulfilled Promise entry holds. */
  filter?: (key: K, value: Awaited<V>) => boolean
  /**
   * The least time in ms between two writes to storage: from 0 to 2,147,483,647, default `100`.
   * Changes are written together, as soon as this much time has passed since the last write and
   * never in the middle of synchronous code, so a burst of `set`s costs one write.
   */
  throttle?: number
  /**
   * Turns the record into the text stored. Default `JSON.stringify` (so a `Date` comes back as a
   * string, a `Map` as `{}`, `undefined` or a function inside an array as `null`, an object key as a
   * new object). When it throws, each entry is tried on its own, and those it throws for (a
   * `BigInt`, a cycle) are left out and reported by key.
   */
  serialize?: (record: PersistedCache<K, Awaited<V>>) => string
  /** Turns the stored text back into the record (default `JSON.parse`). What it gives is checked. */
  deserialize?: (text: string) => PersistedCache<K, V>
  /**
   * Don't read storage now; call `hydrate()` when the app is ready (after a server-rendered page
   * hydrated, so that the first render matches the server's). Until then nothing is written
   * either, so the stored record is not replaced by a cache that has not read it. Default `false`.
   */
  skipHydration?: boolean
  /** Receives each problem, once (see {@link persistCache}); default: `console.error`. */
  onError?: ErrorHandler
}

/** What {@link persistCache} returns. */
export interface Persistence {
  /**
   * Reads the record and stores its live entries in the cache, each with its own absolute
   * expiration; an entry expired meanwhile is skipped, and a key already live in the cache keeps
   * its entry. Writes are allowed from then on. `persistCache` calls it unless `skipHydration`.
   * Does nothing after `stop()`.
   */
  hydrate(): void
  /** Writes pending changes now rather than when the throttle allows. Does nothing before hydration or after `stop()`. */
  flush(): void
  /** Removes the record from storage and drops pending changes; the cache is unchanged, and later changes are written again. */
  clear(): void
  /** Stops following the cache: pending changes are dropped (call `flush()` first to keep them), the timer and page listeners removed. */
  stop(): void
}

/**
 * Keeps the live entries of `cache` in storage across reloads, each with its own TTL: expirations
 * are absolute clock times (ms since the epoch with the default clock), so a restored entry expires
 * when it would have anyway. See {@link PersistedCache} for what is stored.
 *
 * Changes are written together, at most once per `throttle` ms, and at once when the page is
 * hidden or left (`visibilitychange`, `pagehide`). A Promise entry is written once it fulfils,
 * with its value; while pending, or after a rejection, it is left out. Expiry alone writes nothing:
 * an expired entry left in storage is skipped when read.
 *
 * Bad conditions never throw into the app and never change the cache in memory. Each goes to
 * `onError` (or `console.error`) once, and again only after the failing step succeeded since:
 * storage missing or throwing on access; a record that cannot be parsed (the parse error) or is
 * not a snapshot (a TypeError naming the problem); a version mismatch without `migrate`; a write
 * that fails, as with `QuotaExceededError` (the error as storage threw it; the cache is unchanged,
 * and the next change or `flush()` tries again). A value that cannot be serialized is told once
 * per key, as a TypeError naming the key; that entry is left out and the others are written.
 *
 * @throws TypeError or RangeError naming the argument: `cache` not a Cache, `name` not a
 * non-empty string, a `storage` without `getItem`/`setItem`/`removeItem`, `version` not a number
 * >= 0, `throttle` not a number from 0 to 2,147,483,647, a function option that is not a function.
 * Nothing is read, written or subscribed then.
 */
export function persistCache<K, V>(cache: Cache<K, V>, options: PersistOptions<K, V>): Persistence {
  checkCache(cache)
  const {
    name,
    storage: given,
    version = 0,
    migrate,
    filter,
    throttle = 100,
    serialize = JSON.stringify,
    deserialize = JSON.parse,
    skipHydration,
    onError,
  } = options ?? ({} as PersistOptions<K, V>)
  checkName(name, 'name')
  if (given != null) {
    for (const method of ['getItem', 'setItem', 'removeItem'] as const)
      checkFunction(given[method], `storage.${method}`)
  }
  checkRange(version, 'version', Number.MAX_VALUE)
  checkRange(throttle, 'throttle', MAX_DELAY)
  checkFunctions(options, ['migrate', 'filter', 'serialize', 'deserialize', 'onError'])

  const told = new Set<unknown>()
  const report = reporter(onError, told)
  const reportValue = reporter(onError)
  let hydrated = false
  let hydrating = false
  let dirty = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastWrite = -Infinity

  /** Runs `step` on the storage; what fails is reported as problem `id`, which a success ends. */
  const attempt = (id: string, step: (storage: StorageLike) => void): void => {
    let storage: StorageLike | undefined
    try {
      storage = given ?? globalThis.localStorage
      if (!storage) throw new Error('no localStorage: nothing is read or written')
    } catch (error) {
      report('storage', error)
      return
    }
    try {
      step(storage)
      told.delete(id)
    } catch (error) {
      report(id, error)
    }
  }

  const cancel = (): void => {
    clearTimeout(timer)
    timer = undefined
  }

  const write = (): void => {
    cancel()
    lastWrite = Date.now()
    attempt('write', (storage) => {
      const { entries } = dehydrate(cache, { filter })
      const text = encode(version, entries, serialize as (record: PersistedCache) => string, (key, cause) =>
        reportValue(key, new TypeError(`key ${describe(key)} not stored: ${cause}`)),
      )
      storage.setItem(name, text)
      dirty = false
    })
  }

  const changed = (): void => {
    dirty = true
    if (!hydrated || stopped || timer) return
    // A negative delay runs at once; capped by `throttle` in case the system time went back.
    timer = setTimeout(write, Math.min(lastWrite + throttle - Date.now(), throttle))
    ;(timer as { unref?(): void }).unref?.()
  }

  /** Stores the live entries of the record `text` in the cache. */
  const restore = (storage: StorageLike, text: string): void => {
    const record = deserialize(text) as PersistedCache | null
    if (typeof record?.version !== 'number') throw new TypeError(`not a poche record: ${describe(record)}`)
    let snapshot: CacheSnapshot<K, V> | undefined = record.snapshot as CacheSnapshot<K, V>
    if (record.version !== version) {
      if (!migrate) throw new Error(`record version ${record.version} is not ${version}, and no migrate`)
      snapshot = migrate(record.snapshot, record.version)
      if (!snapshot) {
        storage.removeItem(name)
        return
      }
      dirty = true
    }
    hydrating = true
    try {
      // Entries expired or kept out by live ones: the next write leaves them out of storage too.
      if (hydrate(cache, snapshot) < snapshot.entries.length) dirty = true
    } finally {
      hydrating = false
    }
  }

  const hydrateFromStorage = (): void => {
    if (stopped) return
    attempt('read', (storage) => {
      const text = storage.getItem(name)
      // A record that cannot be read is reported on its own, and changes nothing.
      if (text !== null) attempt('record', () => restore(storage, text))
    })
    hydrated = true
    if (dirty) changed()
  }

  const flush = (): void => {
    if (hydrated && dirty && !stopped) write()
  }

  // Subscribed before hydration, so that writes made before it are known (and written after it).
  const unsubscribe = cache.onEvent((event) => {
    // Hydration's own writes need no write back, expiry needs none (see above), an invalidation
    // changes no stored value, and optimistic values are never stored.
    if (hydrating || event.type === 'expire' || event.type === 'invalidate' || event.optimistic) return
    if (event.type === 'set') settledValueOrWait(cache.committed.getItem(event.key)?.value, changed)
    changed()
  })
  const removePageListeners = onPageExit(flush)

  if (!skipHydration) hydrateFromStorage()

  return {
    hydrate: hydrateFromStorage,
    flush,
    clear() {
      cancel()
      dirty = false
      attempt('clear', (storage) => storage.removeItem(name))
    },
    stop() {
      stopped = true
      cancel()
      unsubscribe()
      removePageListeners()
    },
  }
}
