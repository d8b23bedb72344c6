import type { Cache } from '../core/cache'
import { KeyList } from './keyList'

// A cache of any key and value types: private fields make Cache<K, V> invariant in both.
// biome-ignore lint/suspicious/noExplicitAny: the hooks serve caches of every type.
export type AnyCache = Cache<any, any>

interface RenderHold {
  render: number
  release: () => void
}

/**
 * What the hooks keep for one cache, beside it: the holds that render-time writes took, the
 * failures a suspended render must throw, and the shared key list. The cache's provider makes it
 * (a provider nested in one for the same cache, or given the default cache, reuses the one that
 * exists: see `cacheHooksFor`), so nothing of the kind lives at module level, where a server
 * would share it between requests. Two sibling providers of one cache keep one each.
 */
export class CacheHooks {
  readonly cache: AnyCache
  #renders = 0
  #holds: RenderHold[] = []
  #failures = new Map<unknown, unknown>()
  #keyList: KeyList | undefined
  #parts = new Map<(cache: AnyCache) => unknown, unknown>()

  constructor(cache: AnyCache) {
    this.cache = cache
  }

  /** A stamp for a render that is starting, later than every stamp handed out before. */
  stampRender(): number {
    return ++this.#renders
  }

  /**
   * Holds the cache's notifications for a write made during the render stamped `render`. The
   * hold ends when a component of that render or a later one commits ({@link releaseUpTo}), or
   * soon anyway (a microtask), should no render commit.
   */
  holdForRender(render: number): void {
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
  releaseUpTo(render: number): void {
    if (!this.#holds.length) return
    const due = this.#holds.filter((hold) => hold.render <= render)
    this.#holds = this.#holds.filter((hold) => hold.render > render)
    for (const hold of due) hold.release()
  }

  /** Remembers that the request for `key` failed with `error`, for the render React retries. */
  rememberFailure(key: unknown, error: unknown): void {
    this.#failures.set(key, error)
  }

  /**
   * The failure remembered for `key`, if any. It stays for the rest of the render pass (every
   * sibling on the key throws it) and is forgotten after it, so an error boundary's retry fetches again.
   */
  takeFailure(key: unknown): { error: unknown } | undefined {
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
  part<T>(make: (cache: AnyCache) => T): T {
    if (!this.#parts.has(make)) this.#parts.set(make, make(this.cache))
    return this.#parts.get(make) as T
  }

  /** The live keys, shared by every `useCacheKeys` reader of this cache. */
  get keyList(): KeyList {
    this.#keyList ??= new KeyList(this.cache)
    return this.#keyList
  }
}
