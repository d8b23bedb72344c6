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
  const readers = new Set<() => void>()
  let stop: (() => void) | undefined
  // One subscription to the cache for all readers: a change marks the list stale once, and
  // the first reader to render lists the keys again for everyone.
  const changed = () => {
    stale = true
    for (const reader of [...readers]) reader()
  }
  list = {
    subscribe(onChange) {
      const reader = () => onChange()
      readers.add(reader)
      stop ??= cache.subscribeKeys(changed)
      return () => {
        readers.delete(reader)
        if (readers.size || !stop) return
        // Nobody hears about changes now: let go of the cache, and list again next time.
        stop()
        stop = undefined
        stale = true
      }
    },
    getSnapshot() {
      if (!stale && stop) return snapshot
      const keys = cache.keys()
      if (keys.length !== snapshot.length || keys.some((key, i) => !Object.is(key, snapshot[i]))) snapshot = keys
      stale = !stop
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
