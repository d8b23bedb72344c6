import { useCallback, useDebugValue, useSyncExternalStore } from 'react'
import type { CacheItem } from '../core/cache'
import { useCache } from './context'

/**
 * A read-only subscription to the entry of `key`: its value and expiration, or `undefined` when
 * there is none. Re-renders when that entry is set, deleted, expires, is renamed or flushed, and
 * for nothing else. While mounted, the key has a listener, so `maxSize` never evicts it.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache}.
 */
export function useCacheItem<V = unknown, K = unknown>(key: K): CacheItem<V> | undefined {
  const cache = useCache<K, V>()
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(key, onChange), [cache, key])
  // getItem hands out the stored entry itself, the same object until it changes: a snapshot.
  const getSnapshot = () => cache.getItem(key)
  const item = useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
  // What React DevTools shows beside the hook.
  useDebugValue({ key, status: item ? 'hit' : 'miss' })
  return item
}
