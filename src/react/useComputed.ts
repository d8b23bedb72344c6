import { useEffect, useRef } from 'react'
import { useCacheHooks } from './context'
import { useCacheItem } from './useCacheItem'

/**
 * The live value of `key` in a box, computing and storing it during render on a miss when a
 * `factory` is given; `undefined` for a miss without one. The write is announced after commit.
 * @internal shared by useCachedValue, useCachedAsync and useSuspenseCachedValue.
 */
export function useComputed<V, K>(key: K, factory: (() => V) | undefined, ttl?: number): { value: V } | undefined {
  const hooks = useCacheHooks()
  const cache = hooks.cache
  const render = useRef(0)
  render.current = hooks.stampRender()
  let computed: { value: V } | undefined
  if (factory && cache.getItem(key) === undefined) {
    // The write happens now, so this render and any sibling mounting on the same key see it;
    // telling other components must wait: React forbids updating them during this render.
    hooks.holdForRender(render.current)
    computed = { value: cache.getOrCompute(key, factory, ttl) }
  }
  const item = useCacheItem<V, K>(key)
  // Declared after useCacheItem so its subscription (which protects the key from eviction) is in
  // place before the release: otherwise this component would hear its own write and render again,
  // and maxSize could evict the entry it is about to read.
  useEffect(() => hooks.releaseUpTo(render.current))
  return item ?? computed
}
