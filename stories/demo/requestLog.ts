import { useCallback, useSyncExternalStore } from 'react'

/**
 * Counts the HTTP requests made per URL, for the shop to show ("fetched 1×"). Fetchers start
 * during render, when React forbids updating other components, so a count is announced a
 * microtask later.
 */
export function createRequestLog() {
  const counts = new Map<string, number>()
  const listeners = new Set<() => void>()
  return {
    record(url: string) {
      counts.set(url, (counts.get(url) ?? 0) + 1)
      queueMicrotask(() => {
        for (const listener of listeners) listener()
      })
    },
    count: (url: string) => counts.get(url) ?? 0,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export type RequestLog = ReturnType<typeof createRequestLog>

export function useRequestCount(log: RequestLog, url: string): number {
  const get = useCallback(() => log.count(url), [log, url])
  return useSyncExternalStore(log.subscribe, get, get)
}
