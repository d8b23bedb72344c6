import { useSyncExternalStore } from 'react'

/**
 * A counter components can show. Fetchers start during render, and React forbids updating other
 * components then, so an increment is announced a microtask later.
 */
export function createCounter() {
  let count = 0
  const listeners = new Set<() => void>()
  return {
    increment() {
      count++
      queueMicrotask(() => {
        for (const listener of listeners) listener()
      })
    },
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get: () => count,
  }
}

export type Counter = ReturnType<typeof createCounter>

export function useCount(counter: Counter): number {
  return useSyncExternalStore(counter.subscribe, counter.get, counter.get)
}
