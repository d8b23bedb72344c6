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
 * The live value of `key`. On a miss it calls `factory()` once (also under StrictMode, and once
 * for several components mounting on the same key), stores the result with `ttl` and returns it.
 * When the entry is set, deleted, flushed, evicted or expires while mounted, the component
 * re-renders and, where the entry is gone, computes it again. A factory that throws stores
 * nothing: its error goes to the nearest error boundary and the next render tries again.
 * @param ttl - milliseconds, or `Infinity`; default the cache's `defaultTtl`.
 */
export function useCachedValue<V, K = unknown>(key: K, factory: () => V, ttl?: number): V {
  const cache = useCache<K, V>()
  const render = useRef(0)
  render.current = ++renders
  let computed: { value: V } | undefined
  if (cache.getItem(key) === undefined) {
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
  // Declared after useCacheItem so its subscription (and retain) is in place before the release:
  // otherwise this component would hear its own write and render again, and maxSize could evict
  // the entry it is about to read.
  useEffect(() => releaseUpTo(cache, render.current))
  return item ? item.value : (computed as { value: V }).value
}
