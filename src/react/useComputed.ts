import { useEffect, useRef } from 'react'
import { useCacheHooks } from './context'
import { useCacheItem } from './useCacheItem'

/**
 * The live value of `key` in a box, computing and storing it during render on a miss when a
 * `factory` is given; `undefined` for a miss without one. With `recomputeInvalidated`, an entry
 * that `cache.invalidate` marked is computed again too (and `set`). The write is announced after commit.
 * @internal shared by useCachedValue, useCachedAsync and useSuspenseCachedValue.
 */
export function useComputed<V, K>(
  key: K,
  factory: (() => V) | undefined,
  ttl?: number,
  recomputeInvalidated = false,
): { value: V } | undefined {
  const hooks = useCacheHooks()
  const cache = hooks.cache
  const render = useRef(0)
  render.current = hooks.stampRender()
  let computed: { value: V } | undefined
  const miss = factory && cache.getItem(key) === undefined
  if (miss || (factory && recomputeInvalidated && cache.isInvalidated(key))) {
    // The write happens now, so this render and any sibling mounting on the same key see it;
    // telling other components must wait: React forbids updating them during this render.
    hooks.holdForRender(render.current)
    if (miss) computed = { value: cache.getOrCompute(key, factory, ttl) }
    else {
      computed = { value: factory() }
      cache.set(key, computed.value, ttl)
    }
  }
  const item = useCacheItem<V, K>(key)
  // Declared after useCacheItem so its subscription (which protects the key from eviction) is in
  // place before the release: otherwise this component would hear its own write and render again,
  // and maxSize could evict the entry it is about to read.
  useEffect(() => hooks.releaseUpTo(render.current))
  return item ?? computed
}
