import { useDebugValue } from 'react'
import { useComputed } from './useComputed'

/**
 * The live value of `key`. On a miss it calls `factory()` once (also under StrictMode, and once
 * for several components mounting on the same key), stores the result with `ttl` and returns it.
 * When the entry is set, deleted, flushed, evicted or expires while mounted, the component
 * re-renders and, where the entry is gone or `cache.invalidate` marked it, computes it again. A factory that throws stores
 * nothing: its error goes to the nearest error boundary and the next render tries again.
 * For a factory that returns a Promise, use {@link useCachedAsync} or {@link useSuspenseCachedValue}.
 * @param ttl - milliseconds, or `Infinity`; default the cache's `defaultTtl`.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache}.
 */
export function useCachedValue<V, K = unknown>(key: K, factory: () => V, ttl?: number): V {
  useDebugValue({ key })
  return (useComputed(key, factory, ttl, true) as { value: V }).value
}
