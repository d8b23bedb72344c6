import { useSyncExternalStore } from 'react'
import type { Cache } from '../core/cache'
import { useCache } from './context'

interface KeyList {
  subscribe(onChange: () => void): () => void
  getSnapshot(): unknown[]
}

// One list per cache, shared by every reader, so a change lists the keys once, not once per reader.
const keyLists = new WeakMap<Cache<unknown, unknown>, KeyList>()

const keyListOf = (cache: Cache<unknown, unknown>): KeyList => {
  let list = keyLists.get(cache)
  if (list) return list
  let snapshot: unknown[] = []
  let stale = true
  let readers = 0
  list = {
    subscribe(onChange) {
      readers++
      const stop = cache.subscribeKeys(() => {
        stale = true
        onChange()
      })
      return () => {
        // Nobody hears about changes now: the next reader must list again.
        if (--readers === 0) stale = true
        stop()
      }
    },
    getSnapshot() {
      if (!stale && readers) return snapshot
      const keys = cache.keys()
      if (keys.length !== snapshot.length || keys.some((key, i) => !Object.is(key, snapshot[i]))) snapshot = keys
      stale = false
      return snapshot
    },
  }
  keyLists.set(cache, list)
  return list
}

/**
 * The live keys, as an array whose identity changes only when the set of keys does. Re-renders
 * when a key is added or removed, not when an existing key's value changes.
 */
export function useCacheKeys<K = unknown>(): K[] {
  const list = keyListOf(useCache())
  return useSyncExternalStore(list.subscribe, list.getSnapshot, list.getSnapshot) as K[]
}
