import { useDebugValue, useSyncExternalStore } from 'react'
import { useRenderState } from './context'

/**
 * The live keys, as an array whose identity changes only when the set of keys does. Re-renders
 * when a key is added or removed, not when an existing key's value changes.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache}.
 */
export function useCacheKeys<K = unknown>(): K[] {
  const list = useRenderState()._keyList
  const keys = useSyncExternalStore(list.subscribe, list.getSnapshot, list.getSnapshot) as K[]
  useDebugValue({ keys: keys.length })
  return keys
}
