import { useEffect, useRef } from 'react'
import { useCache } from './context'
import { useCacheItem } from './useCacheItem'

// Holds taken by render-time writes, per cache, each stamped with the render that took it. A
// render that StrictMode (or a concurrent render) throws away never runs its effects, so a
// committed component releases every hold taken up to its own render: the ones of discarded
// renders before it, never those of siblings rendered after it, which have not subscribed yet.
let renders = 0
const heldBy = new WeakMap<object, Array<{ render: number; release: () => void }>>()

const releaseUpTo = (cache: object, render: number): void => {
  const held = heldBy.get(cache)
  if (!held?.length) return
  const due = held.filter((hold) => hold.render <= render)
  heldBy.set(
    cache,
    held.filter((hold) => hold.render > render),
  )
  for (const hold of due) hold.release()
}

/**
 * The live value of `key` in a box, computing and storing it during render on a miss when a
 * `factory` is given; `undefined` for a miss without one. The write is announced after commit.
 * @internal shared by useCachedValue, useCachedAsync and useSuspenseCachedValue.
 */
export function useComputed<V, K>(key: K, factory: (() => V) | undefined, ttl?: number): { value: V } | undefined {
  const cache = useCache<K, V>()
  const render = useRef(0)
  render.current = ++renders
  let computed: { value: V } | undefined
  if (factory && cache.getItem(key) === undefined) {
    // The write happens now, so this render and any sibling mounting on the same key see it;
    // telling other components must wait: React forbids updating them during this render.
    const release = cache.hold()
    const held = heldBy.get(cache) ?? []
    heldBy.set(cache, held)
    held.push({ render: render.current, release })
    // After commit (the effect below); or soon anyway, should no render commit.
    queueMicrotask(release)
    computed = { value: cache.getOrCompute(key, factory, ttl) }
  }
  const item = useCacheItem<V, K>(key)
  // Declared after useCacheItem so its subscription (which protects the key from eviction) is in place before the release:
  // otherwise this component would hear its own write and render again, and maxSize could evict
  // the entry it is about to read.
  useEffect(() => releaseUpTo(cache, render.current))
  return item ?? computed
}
