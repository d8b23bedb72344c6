import type { Cache } from '../core/cache'

/**
 * The live keys of one cache as one shared, stable array for every `useCacheKeys` reader: one
 * subscription to the cache for all of them, and a change lists the keys once, not once per reader.
 */
export class KeyList {
  #cache: Cache<unknown, unknown>
  #snapshot: unknown[] = []
  #stale = true
  #readers = new Set<() => void>()
  #stop: (() => void) | undefined

  constructor(cache: Cache<unknown, unknown>) {
    this.#cache = cache
  }

  /** For useSyncExternalStore: `onChange` runs when the set of keys changes. */
  subscribe = (onChange: () => void): (() => void) => {
    const reader = () => onChange()
    this.#readers.add(reader)
    this.#stop ??= this.#cache.subscribeKeys(this.#changed)
    return () => {
      this.#readers.delete(reader)
      if (this.#readers.size || !this.#stop) return
      // Nobody hears about changes now: let go of the cache, and list again next time.
      this.#stop()
      this.#stop = undefined
      this.#stale = true
    }
  }

  /** The live keys: the same array until the set of keys changes. */
  getSnapshot = (): unknown[] => {
    if (!this.#stale && this.#stop) return this.#snapshot
    const keys = this.#cache.keys()
    const previous = this.#snapshot
    if (keys.length !== previous.length || keys.some((key, i) => !Object.is(key, previous[i]))) this.#snapshot = keys
    // Unsubscribed, nothing would mark it stale: list again on every read.
    this.#stale = !this.#stop
    return this.#snapshot
  }

  // A change marks the list stale once; the first reader to render lists the keys for everyone.
  #changed = (): void => {
    this.#stale = true
    for (const reader of [...this.#readers]) reader()
  }
}
