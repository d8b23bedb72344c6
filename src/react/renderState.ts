import type { Cache } from '../core/cache'
import { globalClearTimeout, globalSetTimeout } from '../core/clock'
import { isThenable } from '../core/entry'
import { KeyList } from './keyList'

// A cache of any key and value types: private fields make Cache<K, V> invariant in both.
// biome-ignore lint/suspicious/noExplicitAny: the hooks serve caches of every type.
export type AnyCache = Cache<any, any>

interface RenderHold {
  render: number
  release: () => void
}

interface Pin {
  release: () => void
  timer: unknown
}

/**
 * How long a key written by a render that never commits stays pinned, in ms. A pending Promise
 * is pinned until it settles and this long after, since its reader commits only then.
 */
export const PIN_FALLBACK_MS = 2000

/**
 * A cache's render state: what the hooks keep for one cache, beside it: the holds that render-time writes took, the
 * failures a suspended render must throw, and the shared key list. The cache's provider makes it
 * (a provider nested in one for the same cache, or given the default cache, reuses the one that
 * exists: see `renderStateFor`), so nothing of the kind lives at module level, where a server
 * would share it between requests. Two sibling providers of one cache keep one each.
 *
 * It also pins the keys written during render (`Cache._pin`): their readers have not subscribed
 * yet, so their entries would look unread, and `maxSize` could evict them before they commit.
 */
export class CacheRenderState {
  readonly cache: AnyCache
  /** Whether this server render streams what the cache fetches to the browser (poche/stream, poche/next). */
  _streamed = false
  #renders = 0
  #holds: RenderHold[] = []
  #failures = new Map<unknown, unknown>()
  #pins = new Map<unknown, Pin>()
  #keyList: KeyList | undefined
  #parts = new Map<(cache: AnyCache) => unknown, unknown>()

  constructor(cache: AnyCache) {
    this.cache = cache
  }

  /** A stamp for a render that is starting, later than every stamp handed out before. */
  _stampRender(): number {
    return ++this.#renders
  }

  /**
   * Holds the cache's notifications for a write made during the render stamped `render`. The
   * hold ends when a component of that render or a later one commits ({@link _releaseUpTo}), or
   * soon anyway (a microtask), should no render commit.
   */
  _holdForRender(render: number): void {
    const release = this.cache.hold()
    this.#holds.push({ render, release })
    queueMicrotask(release)
  }

  /**
   * Releases every hold taken up to the committed render `render`. A render that StrictMode (or a
   * concurrent render) throws away never runs its effects, so a committed component releases the
   * holds of discarded renders before it too; never those of siblings rendered after it, which
   * have not subscribed yet.
   */
  _releaseUpTo(render: number): void {
    if (!this.#holds.length) return
    const due = this.#holds.filter((hold) => hold.render <= render)
    this.#holds = this.#holds.filter((hold) => hold.render > render)
    for (const hold of due) hold.release()
  }

  /**
   * Keeps `key` from eviction until {@link _unpin}, or until {@link PIN_FALLBACK_MS} later (after
   * a pending Promise value settles), for a render React throws away. Browser only: on the server
   * nothing would ever unpin, and no timer may run there.
   */
  _pin(key: unknown): void {
    if (this.#pins.has(key)) return
    const pin: Pin = { release: this.cache._pin(key), timer: undefined }
    this.#pins.set(key, pin)
    const value = this.cache.getItem(key)?.value
    const later = () => {
      if (this.#pins.get(key) === pin) pin.timer = globalSetTimeout(() => this._unpin(key), PIN_FALLBACK_MS)
    }
    if (isThenable(value)) value.then(later, later)
    else later()
  }

  /** Keeps `key` from eviction until a microtask later, or until {@link _unpin}. */
  _pinBriefly(key: unknown): void {
    if (this.#pins.has(key)) return
    const pin: Pin = { release: this.cache._pin(key), timer: undefined }
    this.#pins.set(key, pin)
    queueMicrotask(() => {
      if (this.#pins.get(key) === pin) this._unpin(key)
    })
  }

  /** Lets `key` be evicted again (its reader has subscribed, which keeps it while mounted). */
  _unpin(key: unknown): void {
    const pin = this.#pins.get(key)
    if (!pin) return
    this.#pins.delete(key)
    if (pin.timer !== undefined) globalClearTimeout(pin.timer)
    pin.release()
  }

  /** The stamp of the latest render (0 before any): a later one tells that a render happened since. */
  get _lastRender(): number {
    return this.#renders
  }

  /** Remembers that the request for `key` failed with `error`, for the render React retries. */
  _rememberFailure(key: unknown, error: unknown): void {
    this.#failures.set(key, error)
  }

  /**
   * The failure remembered for `key`, if any. It stays for the rest of the render pass (every
   * sibling on the key throws it) and is forgotten after it, so an error boundary's retry fetches again.
   */
  _takeFailure(key: unknown): { error: unknown } | undefined {
    const failures = this.#failures
    if (!failures.has(key)) return undefined
    const error = failures.get(key)
    queueMicrotask(() => failures.delete(key))
    return { error }
  }

  /**
   * What `make` makes for this cache, made on first use and kept with the rest: the state of a
   * feature that only the apps importing it carry (the async hooks' per-key fetches).
   */
  _part<T>(make: (cache: AnyCache) => T): T {
    if (!this.#parts.has(make)) this.#parts.set(make, make(this.cache))
    return this.#parts.get(make) as T
  }

  /** The live keys, shared by every `useCacheKeys` reader of this cache. */
  get _keyList(): KeyList {
    this.#keyList ??= new KeyList(this.cache)
    return this.#keyList
  }
}
