import { rethrowLater } from './report'

/**
 * What changed, as told to {@link Cache.onEvent} listeners. `optimistic: true` marks a change of
 * what an optimistic layer shows (see `beginOptimistic`): the committed entries did not change,
 * so persistence and tab sync ignore it.
 */
export type CacheEvent<K> =
  | { type: 'set' | 'delete' | 'expire' | 'evict' | 'invalidate'; key: K; optimistic?: true }
  | { type: 'flush'; key?: undefined; optimistic?: undefined }

export type Listener = () => void

// A throwing listener must not stop the others or leave the cache half-announced, and its
// error must not vanish either: it is thrown again on its own, where the runtime reports it.
const call = <A>(listener: (arg: A) => void, arg: A): void => {
  try {
    listener(arg)
  } catch (error) {
    rethrowLater(error)
  }
}

// A copy, so that a listener that subscribes or unsubscribes does not change who is told now.
const callAll = <A>(listeners: Set<(arg: A) => void> | undefined, arg: A): void => {
  if (listeners?.size) for (const listener of [...listeners]) call(listener, arg)
}

const addTo = <T>(set: Set<T>, item: T, removed: () => void = () => {}): (() => void) => {
  // Wrapped so that subscribing the same function twice gives two independent subscriptions.
  const entry = ((arg: never) => (item as (arg: never) => void)(arg)) as T
  set.add(entry)
  return () => {
    if (set.delete(entry)) removed()
  }
}

/**
 * Tells listeners about changes: per key, for the key list, and as an event log. The cache calls
 * it only once its own state is final, so a listener always sees the cache as it now is.
 */
export class Emitter<K> {
  #byKey = new Map<K, Set<Listener>>()
  #keyLists = new Set<Listener>()
  #events = new Set<(event: CacheEvent<K>) => void>()
  #holds = 0
  // What changed while held: each key once, the key list once, every event in order.
  #heldKeys = new Set<K>()
  #heldKeyList = false
  #heldEvents: CacheEvent<K>[] = []

  /** Holds every notification until the matching {@link release}. Holds nest. */
  hold(): void {
    this.#holds++
  }

  /** Whether notifications are being held. */
  get _held(): boolean {
    return this.#holds > 0
  }

  /** Whether exactly one hold is left: the next release delivers. */
  get _lastHold(): boolean {
    return this.#holds === 1
  }

  /** Ends one hold; the last one delivers what was held. */
  release(): void {
    if (--this.#holds) return
    const keys = this.#heldKeys
    const keyList = this.#heldKeyList
    const events = this.#heldEvents
    this.#heldKeys = new Set()
    this.#heldKeyList = false
    this.#heldEvents = []
    for (const key of keys) this._keyChanged(key)
    if (keyList) this._keyListChanged()
    for (const event of events) callAll(this.#events, event)
  }

  /** How many listeners of every kind are subscribed. */
  get size(): number {
    let size = this.#keyLists.size + this.#events.size
    for (const listeners of this.#byKey.values()) size += listeners.size
    return size
  }

  /** How many listeners `key` itself has. */
  _countOf(key: K): number {
    return this.#byKey.get(key)?.size ?? 0
  }

  /** Whether anyone listens to `key` itself (such a key is in use: it is not evicted). */
  _watches(key: K): boolean {
    return this.#byKey.has(key)
  }

  _onKey(key: K, listener: Listener): () => void {
    let set = this.#byKey.get(key)
    if (!set) {
      set = new Set()
      this.#byKey.set(key, set)
    }
    const listeners = set
    return addTo(listeners, listener, () => {
      if (!listeners.size && this.#byKey.get(key) === listeners) this.#byKey.delete(key)
    })
  }

  _onKeyList(listener: Listener): () => void {
    return addTo(this.#keyLists, listener)
  }

  onEvent(listener: (event: CacheEvent<K>) => void): () => void {
    return addTo(this.#events, listener)
  }

  /** Tells the listeners of `key` that its entry changed. */
  _keyChanged(key: K): void {
    if (!this.#byKey.size) return
    if (this.#holds) this.#heldKeys.add(key)
    else callAll(this.#byKey.get(key), undefined)
  }

  /** Tells the key-list listeners that the set of live keys changed. */
  _keyListChanged(): void {
    if (this.#holds) this.#heldKeyList = true
    else callAll(this.#keyLists, undefined)
  }

  /** Tells the event-log listeners. The event object is made only when someone listens. */
  log(type: CacheEvent<K>['type'], key?: K, optimistic?: true): void {
    if (!this.#events.size) return
    const event = (optimistic ? { type, key, optimistic } : { type, key }) as CacheEvent<K>
    if (this.#holds) this.#heldEvents.push(event)
    else callAll(this.#events, event)
  }

  clear(): void {
    this.#byKey.clear()
    this.#keyLists.clear()
    this.#events.clear()
  }
}
