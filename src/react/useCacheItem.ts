import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { CacheItem } from '../core/cache'
import { useCache } from './context'

const same = <V>(a: CacheItem<V> | undefined, b: CacheItem<V> | undefined): boolean =>
  a === b || (!!a && !!b && Object.is(a.value, b.value) && a.expiration === b.expiration)

/**
 * A read-only subscription to the entry of `key`: its value and expiration, or `undefined` when
 * there is none. Re-renders when that entry is set, deleted, expires, is evicted, renamed or
 * flushed, and for nothing else. While mounted, the key is retained against `maxSize` eviction.
 */
export function useCacheItem<V = unknown, K = unknown>(key: K): CacheItem<V> | undefined {
  const cache = useCache<K, V>()
  // getItem returns a new object on each call: keep handing React the previous one while the
  // entry is the same, or it would re-render for ever.
  const last = useRef<CacheItem<V> | undefined>(undefined)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stop = cache.subscribe(key, onChange)
      const release = cache.retain(key)
      return () => {
        stop()
        release()
      }
    },
    [cache, key],
  )
  const getSnapshot = (): CacheItem<V> | undefined => {
    const item = cache.getItem(key)
    if (same(last.current, item)) return last.current
    last.current = item
    return item
  }
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
}
