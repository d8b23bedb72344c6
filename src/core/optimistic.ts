import { Cache } from './cache'
import { type CacheItem, isThenable } from './entry'
import { checkFunction, invalid } from './errors'
import type { Overlay } from './overlay'
import { promiseStateOf, settledValue } from './promiseState'

/** Where an {@link OptimisticLayer} is in its life: see its methods. */
export type LayerState = 'open' | 'released' | 'removed'

/**
 * Optimistic values shown over a cache's committed entries, in this tab and in memory only:
 * what {@link beginOptimistic} returns. Its reads are the cache's own (what the app sees, so an
 * updater such as `layer.set(k, layer.get(k) + 1)` builds on every layer standing); its writes
 * stay in the layer.
 */
export interface OptimisticLayer<K, V> {
  /**
   * The value `key` shows now, as {@link Cache.get}, except that a fulfilled Promise (what a fetch
   * stores) is read as the value it fulfilled with, for updaters.
   * @throws KeyError when it shows none.
   */
  get(key: K): V
  /** Whether `key` shows a value now, as {@link Cache.has}. */
  has(key: K): boolean
  /** What `key` shows now, as {@link Cache.getItem}. */
  getItem(key: K): CacheItem<V> | undefined
  /**
   * Shows `value` for `key` at once, over the committed entry and every older layer's value. It
   * never expires while the layer stands (its item's `expiration` is `null`).
   * @throws TypeError once the layer is released or removed; nothing changes then.
   */
  set(key: K, value: V): void
  /**
   * Shows `key` as missing while the layer stands, over the committed entry and older layers.
   * @throws TypeError once the layer is released or removed; nothing changes then.
   */
  delete(key: K): void
  /** The keys this layer wrote, in the order first written. */
  readonly keys: K[]
  /** `'open'` until {@link OptimisticLayer.release} or {@link OptimisticLayer.remove}. */
  readonly state: LayerState
  /**
   * The change failed: every value of the layer goes at once, and each key it wrote shows the
   * newest remaining layer's value, else the committed entry as it is now (or nothing). Then the
   * live keys `options.invalidate` matches (none without it: a pure rollback) are invalidated,
   * each once no open layer wrote it. Does nothing once the layer is released or removed.
   * @throws TypeError when an option is given and is not a function; whatever `invalidate`
   * throws. Nothing changes then.
   */
  remove(options?: SettleOptions<K>): void
  /**
   * The change succeeded (its committed writes, such as the server's answer, are made): the
   * layer stops taking writes, and the keys it wrote and the live keys `options.invalidate`
   * matches are invalidated, each once no open layer wrote it. Each value of the layer stays on
   * screen until then, and after that while its key's refetch is in flight (`options.whenRefetched`) or
   * its committed entry is a pending fetch; then it goes, and the key shows what the fetch
   * brought: never the value from before the change. Does nothing once released or removed.
   * @throws TypeError when an option is given and is not a function; whatever `invalidate`
   * throws. Nothing changes then.
   */
  release(options?: SettleOptions<K>): void
}

/** Returns the refetch that invalidating `key` started, to settle once it landed or failed; else `undefined`. */
export type WhenRefetched<K> = (key: K) => PromiseLike<unknown> | undefined

/** Options of {@link OptimisticLayer.release} and {@link OptimisticLayer.remove}. */
export interface SettleOptions<K> {
  /** Which live keys to invalidate too (see each method for the keys always invalidated). */
  invalidate?: (key: K) => boolean
  /**
   * Called right after a key is invalidated: starts or finds the refetch of it that its readers
   * make, if any, and returns a Promise that settles when it has landed or failed (`undefined`
   * when nobody fetches the key). A value of the layer on that key waits for it. Without it, only
   * a fetch stored in the cache (a pending Promise, as `getOrCompute` stores it) is waited for.
   * `useCachedMutation` gives the async hooks' background refetch.
   */
  whenRefetched?: WhenRefetched<K>
}

/** One layer's value for one key: its item, `null` where it deleted the key. */
interface Write<K, V> {
  layer: Layer<K, V>
  item: CacheItem<V> | null
}

const isPending = (value: unknown): boolean => isThenable(value) && promiseStateOf(value).status === 'pending'

/**
 * The layers standing over one cache: open ones, and released ones whose values wait for their
 * keys' refetches. Installed as the cache's overlay while any stands, and let go with the last.
 */
class LayerStack<K, V> implements Overlay<K, V> {
  readonly cache: Cache<K, V>
  /** Per key, the standing layers' writes, oldest-started layer first: the last one shows. */
  #writes = new Map<K, Write<K, V>[]>()
  #standing = new Set<Layer<K, V>>()
  #started = 0
  /** Keys whose invalidation waits for the open layers that wrote them to settle. */
  #owed = new Set<K>()
  /**
   * Released values' keys whose refetch is awaited, each with the refetch still outstanding (or
   * `undefined` once none is), and the event listener that follows them.
   */
  #awaiting = new Map<K, PromiseLike<unknown> | undefined>()
  #followed = new WeakSet<PromiseLike<unknown>>()
  #stopFollowing: (() => void) | undefined

  constructor(cache: Cache<K, V>) {
    this.cache = cache
  }

  top(key: K): CacheItem<V> | null | undefined {
    const writes = this.#writes.get(key)
    return writes?.[writes.length - 1]?.item
  }

  keys(): Iterable<K> {
    return this.#writes.keys()
  }

  _openLayerKeys(): K[][] {
    return [...this.#standing].filter((layer) => layer.state === 'open').map((layer) => layer.keys)
  }

  /** A new layer, newer than every layer started before it. */
  begin(): Layer<K, V> {
    const layer = new Layer(this, this.#started++)
    this.#standing.add(layer)
    this.cache._overlay = this
    return layer
  }

  /** Stores `layer`'s value of `key` in its place among the other layers' values. */
  write(layer: Layer<K, V>, key: K, item: CacheItem<V> | null): void {
    this.cache._changeShown(key, () => {
      const writes = this.#writes.get(key) ?? []
      this.#writes.set(key, writes)
      const own = writes.find((write) => write.layer === layer)
      if (own) own.item = item
      else {
        const after = writes.findIndex((write) => write.layer.order > layer.order)
        writes.splice(after < 0 ? writes.length : after, 0, { layer, item })
      }
    })
  }

  /**
   * Ends `layer` (removing its values at once unless `keep`); then each key it wrote or `matches`
   * names that no open layer wrote is invalidated (a written key only when `keep`), and released
   * values on it wait for its refetch or go.
   */
  settle(layer: Layer<K, V>, keep: boolean, matches: K[], whenRefetched: WhenRefetched<K> | undefined): void {
    const { cache } = this
    const written = layer.keys
    const invalidated = new Set(keep ? [...written, ...matches] : matches)
    const release = cache.hold()
    try {
      if (!keep) for (const key of written) this.#drop(key, (write) => write.layer === layer)
      for (const key of new Set([...written, ...matches])) {
        if (this.#openOn(key)) {
          if (invalidated.has(key)) this.#owed.add(key)
          continue
        }
        const owed = this.#owed.delete(key)
        const marked = (invalidated.has(key) || owed) && cache.invalidate(key) > 0
        if (this.top(key) === undefined) continue
        const refetching = marked ? whenRefetched?.(key) : undefined
        if (refetching || isPending(cache.committed.getItem(key)?.value)) this.#await(key, refetching)
        else this.#dropReleased(key)
      }
    } finally {
      this.#forgetIfIdle()
      release()
    }
  }

  /** Whether an open layer wrote `key`. */
  #openOn(key: K): boolean {
    return this.#writes.get(key)?.some((write) => write.layer.state === 'open') ?? false
  }

  /**
   * Keeps the released values of `key` until `refetching` (if given) settled and the committed
   * entry is no pending fetch: looked at when either settles (the cache does not announce a
   * Promise settling without a TTL), and, with no refetch outstanding, at each committed change
   * of the key (a write replacing the fetch).
   */
  #await(key: K, refetching: PromiseLike<unknown> | undefined): void {
    this.#awaiting.set(key, refetching)
    if (refetching) {
      const done = () => {
        if (this.#awaiting.get(key) !== refetching) return
        this.#awaiting.set(key, undefined)
        this.#recheck(key)
      }
      refetching.then(done, done)
    }
    // Events held since before this wait began come first: they are not the refetch.
    this.#stopFollowing ??= this.cache.onEvent((event) => {
      if (event.optimistic || event.type === 'invalidate') return
      for (const key of event.type === 'flush' ? [...this.#awaiting.keys()] : [event.key]) this.#recheck(key)
    })
    this.#follow(key)
  }

  #follow(key: K): void {
    const value = this.cache.committed.getItem(key)?.value as PromiseLike<unknown>
    if (!isPending(value) || this.#followed.has(value)) return
    this.#followed.add(value)
    const recheck = () => this.#recheck(key)
    value.then(recheck, recheck)
  }

  #recheck(key: K): void {
    if (!this.#awaiting.has(key) || this.#awaiting.get(key)) return
    if (isPending(this.cache.committed.getItem(key)?.value)) {
      this.#follow(key)
      return
    }
    this.#awaiting.delete(key)
    const release = this.cache.hold()
    try {
      this.#dropReleased(key)
    } finally {
      this.#forgetIfIdle()
      release()
    }
  }

  /** Removes the values of released layers from `key`, unless an open layer wrote it. */
  #dropReleased(key: K): void {
    if (!this.#openOn(key)) this.#drop(key, (write) => write.layer.state !== 'open')
  }

  #drop(key: K, which: (write: Write<K, V>) => boolean): void {
    const writes = this.#writes.get(key)
    if (!writes) return
    this.cache._changeShown(key, () => {
      const kept = writes.filter((write) => !which(write))
      if (kept.length) this.#writes.set(key, kept)
      else this.#writes.delete(key)
    })
  }

  /** Lets go of the cache once no layer stands: its reads cost nothing again. */
  #forgetIfIdle(): void {
    for (const layer of this.#standing) {
      if (layer.state === 'open' || layer.keys.some((key) => this.#writes.get(key)?.some((w) => w.layer === layer)))
        continue
      this.#standing.delete(layer)
    }
    if (!this.#awaiting.size && this.#stopFollowing) {
      this.#stopFollowing()
      this.#stopFollowing = undefined
    }
    if (!this.#standing.size && this.cache._overlay === this) this.cache._overlay = undefined
  }
}

class Layer<K, V> implements OptimisticLayer<K, V> {
  readonly #stack: LayerStack<K, V>
  readonly order: number
  state: LayerState = 'open'
  readonly #keys = new Set<K>()

  constructor(stack: LayerStack<K, V>, order: number) {
    this.#stack = stack
    this.order = order
  }

  get keys(): K[] {
    return [...this.#keys]
  }

  get(key: K): V {
    const value = this.#stack.cache.get(key)
    // A fetched key holds its request's Promise: an updater wants the value it fulfilled with.
    const settled = isThenable(value) ? settledValue(value) : undefined
    return settled ? (settled.value as V) : value
  }

  has(key: K): boolean {
    return this.#stack.cache.has(key)
  }

  getItem(key: K): CacheItem<V> | undefined {
    return this.#stack.cache.getItem(key)
  }

  set(key: K, value: V): void {
    this.#write(key, { value, expiration: null })
  }

  delete(key: K): void {
    this.#write(key, null)
  }

  remove(options?: SettleOptions<K>): void {
    this.#settle(false, options)
  }

  release(options?: SettleOptions<K>): void {
    this.#settle(true, options)
  }

  #write(key: K, item: CacheItem<V> | null): void {
    if (this.state !== 'open') throw new TypeError(`the optimistic layer is ${this.state}: it takes no more writes`)
    this.#keys.add(key)
    this.#stack.write(this, key, item)
  }

  #settle(keep: boolean, options: SettleOptions<K> = {}): void {
    const { invalidate, whenRefetched } = options ?? {}
    if (invalidate !== undefined) checkFunction(invalidate, 'invalidate')
    if (whenRefetched !== undefined) checkFunction(whenRefetched, 'whenRefetched')
    if (this.state !== 'open') return
    // Found before anything changes, so that a throwing `invalidate` leaves the layer open.
    const matches = invalidate ? this.#stack.cache.keys().filter((key) => invalidate(key)) : []
    this.state = keep ? 'released' : 'removed'
    this.#stack.settle(this, keep, matches, whenRefetched)
  }
}

/**
 * Opens an optimistic layer over `cache`: values shown at once in this tab, over the committed
 * entries, until the change they anticipate is known to have failed ({@link OptimisticLayer.remove})
 * or succeeded ({@link OptimisticLayer.release}). The newest-started layer that wrote a key is
 * what `get`, `has`, `getItem`, `keys()`, `values()`, `items()`, `size` and subscribers see.
 * Every other write to the cache (`set`, `delete`, a fetch arriving…) is committed: it goes under
 * the layers, and shows once no layer holds the key. Layers hold values, not updaters: removing
 * one never recomputes another's. `persistCache`, `syncTabs` and `dehydrate` read the committed
 * entries only (see {@link Cache.committed}), and layer changes are told to `onEvent` listeners
 * with `optimistic: true`.
 * @throws TypeError when `cache` is not a Cache.
 */
export function beginOptimistic<K, V>(cache: Cache<K, V>): OptimisticLayer<K, V> {
  if (!(cache instanceof Cache)) throw invalid('cache', 'a Cache', cache)
  const stack = cache._overlay instanceof LayerStack ? (cache._overlay as LayerStack<K, V>) : new LayerStack(cache)
  return stack.begin()
}
