import { useRef } from 'react'
import { useRenderState } from './context'
import { useAfterCommit, useKeepThroughRemount, writeDuringRender } from './renderWrite'
import { useCacheItem } from './useCacheItem'

/**
 * The live value of `key` in a box, computing and storing it during render on a miss when a
 * `factory` is given; `undefined` for a miss without one. With `recomputeInvalidated`, an entry
 * that `cache.invalidate` marked is computed again too (and `set`). The write is announced after
 * commit, and the key kept from eviction until this component has subscribed to it.
 * @internal shared by useCachedValue, useCachedAsync and useSuspenseCachedValue.
 */
export function useComputed<V, K>(
  key: K,
  factory: (() => V) | undefined,
  ttl?: number,
  recomputeInvalidated = false,
): { value: V } | undefined {
  const renderState = useRenderState()
  const cache = renderState.cache
  const render = useRef(0)
  render.current = renderState._stampRender()
  let computed: { value: V } | undefined
  const miss = factory && cache.getItem(key) === undefined
  if (miss || (factory && recomputeInvalidated && cache.isInvalidated(key))) {
    // The write happens now, so this render and any sibling mounting on the same key see it.
    computed = writeDuringRender(
      renderState,
      render.current,
      () => {
        if (miss) return { value: cache.getOrCompute(key, factory, ttl) }
        const value = factory()
        cache.set(key, value, ttl)
        return { value }
      },
      () => [key],
    )
  }
  useKeepThroughRemount(renderState, key)
  const item = useCacheItem<V, K>(key)
  // After useCacheItem, so its subscription (which keeps the key from eviction) is in place when
  // the write is announced and the pin let go: otherwise this component would hear its own write
  // and render again, and maxSize could evict the entry it is about to read.
  useAfterCommit(renderState, render.current, () => [key])
  return item ?? computed
}
