import type { CacheItem } from '../core/entry'
import { isThenable } from '../core/entry'
import { settledValue } from '../core/promiseState'
import type { AsyncOptions } from './asyncOptions'
import { onPage, pageVisible } from './pageEvents'
import type { AnyCache } from './renderState'
import { type Fetcher, outcomeOf } from './request'
import { retrying } from './retry'
import { startTimer } from './timer'

/** A mounted async reader: its latest options and fetcher (the component updates them as it renders). */
export interface Reader {
  options: AsyncOptions<unknown>
  fetcher: Fetcher<unknown>
}

/** The state of a key's background fetches, as its readers show it. The same object until it changes. */
export interface FetchState {
  /** Whether a background refetch is in flight (a first fetch shows as its pending Promise instead). */
  readonly isFetching: boolean
  /** Failed attempts of the current request so far; 0 after a success. */
  readonly failureCount: number
  /** The last background refetch's failure, until the next success. */
  readonly failure?: { error: unknown }
}

const IDLE: FetchState = { isFetching: false, failureCount: 0 }

interface Request {
  item: CacheItem<unknown>
  abort(): void
}

const isPending = (value: unknown): boolean => isThenable(value) && outcomeOf(value).status === 'pending'

/**
 * What the async hooks keep for one key of one cache, whatever number of components read it: its
 * readers, its background request (one at most), its poll timer (one at most), and its state.
 */
class KeyFetch {
  readonly readers = new Set<Reader>()
  state: FetchState = IDLE
  #listeners = new Set<() => void>()
  #request: Request | undefined
  #poll: { cancel(): void; item: CacheItem<unknown>; interval: number } | undefined
  /** When the last background refetch settled, in clock ms: a failed one counts for polling. */
  #settledAt = -Infinity
  readonly #fetches: KeyFetches
  readonly #key: unknown

  constructor(fetches: KeyFetches, key: unknown) {
    this.#fetches = fetches
    this.#key = key
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
      this.#fetches._dropIfIdle(this.#key)
    }
  }

  get idle(): boolean {
    return !this.readers.size && !this.#listeners.size && !this.#request && !this.#poll
  }

  /** The readers that may fetch (`enabled` is not `false`). */
  *#active(): Generator<Reader> {
    for (const reader of this.readers) if (reader.options.enabled !== false) yield reader
  }

  /** Updates the state and tells its readers. */
  report(change: Partial<FetchState>): void {
    const next = { ...this.state, ...change }
    if (next.failure === undefined) delete next.failure
    const same =
      next.isFetching === this.state.isFetching &&
      next.failureCount === this.state.failureCount &&
      next.failure === this.state.failure
    if (same) return
    this.state = next.isFetching || next.failureCount || next.failure ? next : IDLE
    for (const listener of [...this.#listeners]) listener()
  }

  /** Whether the entry is stale for the reader of this key that allows the longest staleness. */
  isStale(item: CacheItem<unknown>): boolean {
    let staleTime = Infinity
    for (const reader of this.#active()) staleTime = Math.min(staleTime, reader.options.staleTime ?? Infinity)
    return this.#fetches.isStale(this.#key, item, staleTime)
  }

  /** Whether a reader wants the given trigger (`refetchOnFocus`, `refetchOnReconnect`). */
  wants(trigger: 'refetchOnFocus' | 'refetchOnReconnect'): boolean {
    for (const reader of this.#active()) if (reader.options[trigger] !== false) return true
    return false
  }

  /**
   * Fetches the key again in the background, keeping its value in the cache and on screen, unless
   * it has no settled value to refresh or a request for this very entry is in flight. A request
   * for an entry since invalidated is abandoned for a new one. The response is written (with the
   * reader's TTL) only if the key still holds the value it started from, and nothing newer began.
   */
  _refetch(): void {
    const [reader] = this.#active()
    const cache = this.#fetches.cache
    const key = this.#key
    const item = cache.committed.getItem(key)
    if (!reader || !item || isPending(item.value) || this.#request?.item === item) return
    this.#request?.abort()
    const controller = new AbortController()
    const stop = cache.subscribe(key, () => {
      if (!Object.is(cache.committed.getItem(key)?.value, item.value)) request.abort()
    })
    const finish = (): boolean => {
      stop()
      if (this.#request !== request) return false
      this.#request = undefined
      this.#settledAt = cache.now()
      return true
    }
    const request: Request = {
      item,
      abort: () => {
        if (!finish()) return
        controller.abort()
        this.report({ isFetching: false })
        this.#fetches._dropIfIdle(key)
      },
    }
    this.#request = request
    this.report({ isFetching: true })
    const fetcher = this.#fetches._retrying(key, reader.fetcher, reader.options)
    // A fetcher that throws at once fails like one that rejects.
    new Promise((resolve) => resolve(fetcher(controller.signal))).then(
      (value) => {
        if (!finish()) return
        const release = cache.hold()
        try {
          cache.set(key, value, reader.options.ttl)
          this.#fetches.arrived(cache.committed.getItem(key))
          this.report({ isFetching: false, failureCount: 0, failure: undefined })
        } finally {
          release()
        }
      },
      (error) => {
        if (!finish()) return
        this.report({ isFetching: false, failure: { error } })
        this.poll()
      },
    )
  }

  /** Called when the last reader leaves: a background request is abandoned, polling stops. */
  stop(): void {
    this.#request?.abort()
    this.#poll?.cancel()
    this.#poll = undefined
  }

  /**
   * Arms the poll timer for the shortest `refetchInterval` among the readers, counted from the
   * entry's arrival (or the last failed refetch); none while the page is hidden unless a reader
   * polls in the background, none without a settled entry. One timer per key.
   */
  poll(): void {
    const cache = this.#fetches.cache
    const item = cache.committed.getItem(this.#key)
    let interval = Infinity
    let background = false
    const data = item && settledValue(item.value)
    for (const reader of this.#active()) {
      const { refetchInterval: every } = reader.options
      const ms = typeof every === 'function' ? every(data?.value) : every
      if (typeof ms !== 'number' || !(ms > 0)) continue
      interval = Math.min(interval, ms)
      background ||= reader.options.refetchIntervalInBackground === true
    }
    const armed = this.#poll
    if (armed && armed.item === item && armed.interval === interval) return
    armed?.cancel()
    this.#poll = undefined
    if (!item || !data || interval === Infinity || (!background && !pageVisible())) return
    const since = Math.max(this.#fetches._arrivalOf(item), this.#settledAt)
    const delay = interval - (cache.now() - since)
    const cancel = startTimer(
      cache.clock,
      () => {
        this.#poll = undefined
        // Hidden since it was armed: paused until the page returns.
        if (!background && !pageVisible()) return
        this._refetch()
        if (!this.#request) this.poll()
      },
      delay,
    )
    this.#poll = { cancel, item, interval }
  }
}

/**
 * The async hooks' per-key fetch state for one cache (see {@link KeyFetch}), with the page's
 * triggers: one subscription to each page event for the whole cache while any key has a reader.
 * Held by the cache's {@link CacheRenderState}, made by the first async reader.
 */
export class KeyFetches {
  readonly cache: AnyCache
  #records = new Map<unknown, KeyFetch>()
  // When the hooks first saw each entry, in clock ms: its arrival, for staleness and polling.
  #seen = new WeakMap<CacheItem<unknown>, number>()
  #stopPage: (() => void) | undefined
  #readers = 0

  constructor(cache: AnyCache) {
    this.cache = cache
  }

  /** The record of `key`, made if there is none. */
  of(key: unknown): KeyFetch {
    let record = this.#records.get(key)
    if (!record) {
      record = new KeyFetch(this, key)
      this.#records.set(key, record)
    }
    return record
  }

  /** The state of `key`, without making a record (safe during render). */
  _stateOf(key: unknown): FetchState {
    return this.#records.get(key)?.state ?? IDLE
  }

  /**
   * `fetcher` for `key`, retried as `options` say, its failures counted in the key's state (see
   * {@link retrying}).
   */
  _retrying<V>(key: unknown, fetcher: Fetcher<V>, options: AsyncOptions<unknown>): Fetcher<V> {
    return retrying(fetcher, options, this.cache.clock, (failureCount) => {
      if (failureCount || this.#records.has(key)) this.of(key).report({ failureCount })
      this._dropIfIdle(key)
    })
  }

  _dropIfIdle(key: unknown): void {
    if (this.#records.get(key)?.idle) this.#records.delete(key)
  }

  /**
   * Counts `reader` as a mounted reader of `key` until the returned function is called; the first
   * reader of the cache subscribes to the page's events, the last one leaves them.
   */
  join(key: unknown, reader: Reader): () => void {
    const record = this.of(key)
    record.readers.add(reader)
    if (!this.#readers++) {
      const stopReturn = onPage('return', () => this.#trigger('refetchOnFocus'))
      const stopOnline = onPage('online', () => this.#trigger('refetchOnReconnect'))
      this.#stopPage = () => {
        stopReturn()
        stopOnline()
      }
    }
    return () => {
      record.readers.delete(reader)
      if (!record.readers.size) record.stop()
      this._dropIfIdle(key)
      if (!--this.#readers) this.#stopPage?.()
    }
  }

  /**
   * Brings `key` up to date after its entry changed or a reader mounted: an invalidated entry (or
   * one a mounting reader showed `stale`) is fetched again, and polling follows the entry.
   */
  sync(key: unknown, stale: boolean): void {
    const record = this.#records.get(key)
    const item = this.cache.committed.getItem(key)
    if (!record || !item) return
    if (stale || this.cache.isInvalidated(key)) record._refetch()
    record.poll()
  }

  /** Whether `item`, the entry of `key`, is stale after `staleTime` ms (or invalidated). */
  isStale(key: unknown, item: CacheItem<unknown> | undefined, staleTime: number | undefined): boolean {
    if (!item || isPending(item.value)) return false
    if (this.cache.isInvalidated(key)) return true
    return staleTime !== undefined && this.cache.now() - this._arrivalOf(item) >= staleTime
  }

  /**
   * Whether the entry of `key` is stale now for its mounted readers (by the longest `staleTime`
   * among them), or invalidated. For the devtools, which show it.
   */
  isStaleNow(key: unknown): boolean {
    const item = this.cache.getItem(key)
    const record = this.#records.get(key)
    return item !== undefined && (record ? record.isStale(item) : this.isStale(key, item, undefined))
  }

  /** When `item` arrived: when the hooks first saw it (now, if they never did). */
  _arrivalOf(item: CacheItem<unknown>): number {
    let at = this.#seen.get(item)
    if (at === undefined) {
      at = this.cache.now()
      this.#seen.set(item, at)
    }
    return at
  }

  /** Records that `item` arrived now. */
  arrived(item: CacheItem<unknown> | undefined): void {
    if (item) this.#seen.set(item, this.cache.now())
  }

  /** A page event: every key with a reader that wants it is fetched again if stale; polls resume. */
  #trigger(trigger: 'refetchOnFocus' | 'refetchOnReconnect'): void {
    for (const [key, record] of this.#records) {
      const item = this.cache.committed.getItem(key)
      if (item && record.wants(trigger) && record.isStale(item)) record._refetch()
      record.poll()
    }
  }
}

/** Makes a cache's {@link KeyFetches}: for `CacheRenderState._part`. */
export const keyFetches = (cache: AnyCache): KeyFetches => new KeyFetches(cache)
