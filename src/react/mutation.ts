import type { Cache } from '../core/cache'
import { beginOptimistic, type OptimisticLayer, type WhenRefetched } from '../core/optimistic'
import { rethrowLater } from '../core/report'
import type { KeyFetches } from './keyFetches'

/** Options of {@link useCachedMutation}; each callback is optional. */
export interface MutationOptions<TVariables, TResult, K = unknown, V = unknown> {
  /**
   * Writes the values to show at once, before the request starts: its `cache` is the call's
   * optimistic layer, whose reads see what the app sees (so `cache.get(k) + 1` twice gives +2)
   * and whose `set`/`delete` show values in this tab only, never persisted, synced or dehydrated.
   * They go at once if the call fails, and once the refetches that follow a success have landed.
   */
  optimistic?: (variables: TVariables, cache: OptimisticLayer<K, V>) => void
  /** After the request fulfilled; its writes (the server's answer) are committed, under the layer. */
  onSuccess?: (result: TResult, variables: TVariables, cache: Cache<K, V>) => void
  /** After the request (or `optimistic`) failed, before the call's layer is removed. */
  onError?: (error: unknown, variables: TVariables, cache: Cache<K, V>) => void
  /** After `onSuccess` or `onError`; `result` is `undefined` on failure and `error` on success. */
  onSettled?: (result: TResult | undefined, error: unknown, variables: TVariables, cache: Cache<K, V>) => void
  /**
   * Which live keys to invalidate once the call settled, success or not, beside the keys
   * `optimistic` wrote (always invalidated after a request, whatever its outcome); each key once
   * no other call that wrote it optimistically is pending. Mounted async readers fetch them again.
   */
  invalidate?: (key: K) => boolean
}

/**
 * The async hooks' refetch of an invalidated key, for a layer's values to wait for: started now
 * by the key's mounted readers (they would start it when they next render, which an optimistic
 * value over the key would not cause); settled once it is no longer in flight.
 */
export const backgroundRefetch =
  <K>(fetches: KeyFetches): WhenRefetched<K> =>
  (key) => {
    fetches.sync(key, false)
    if (!fetches._stateOf(key).isFetching) return undefined
    return new Promise<void>((resolve) => {
      const stop = fetches.of(key).subscribe(() => {
        if (fetches._stateOf(key).isFetching) return
        stop()
        resolve()
      })
    })
  }

/** Calls `callback`; if it throws, the error is reported on its own, and the call goes on. */
const attempt = (callback: () => void): void => {
  try {
    callback()
  } catch (error) {
    rethrowLater(error)
  }
}

/**
 * One call of a mutation: `optimistic` writes into a new layer (announced at once, in one change),
 * then `fn(variables)` starts. When it settles, `onSuccess` or `onError`, then `onSettled`, run
 * and the layer is released or removed with the invalidations due, all in one change of the cache.
 * A callback that throws after the request is reported with {@link rethrowLater} and changes
 * nothing of that: the layer and the invalidations are still settled.
 * @returns the request's Promise: its result, or its error (or `optimistic`'s, which leaves the
 * cache as it was and starts no request).
 */
export function runMutation<TVariables, TResult, K, V>(
  cache: Cache<K, V>,
  fn: (variables: TVariables) => PromiseLike<TResult> | TResult,
  options: MutationOptions<TVariables, TResult, K, V>,
  variables: TVariables,
  whenRefetched: WhenRefetched<K>,
): Promise<TResult> {
  const { optimistic, onSuccess, onError, onSettled, invalidate } = options
  const layer = beginOptimistic(cache)
  const settle = (ok: boolean, result: TResult | undefined, error: unknown, failedEarly = false) => {
    const release = cache.hold()
    try {
      if (ok) attempt(() => onSuccess?.(result as TResult, variables, cache))
      else attempt(() => onError?.(error, variables, cache))
      attempt(() => onSettled?.(result, ok ? undefined : error, variables, cache))
      if (failedEarly) layer.remove()
      else {
        const written = new Set(layer.keys)
        const matches = (key: K) => (!ok && written.has(key)) || invalidate?.(key) === true
        // A throwing `invalidate` is reported, and the layer settles without it.
        try {
          ok
            ? layer.release({ invalidate: matches, whenRefetched })
            : layer.remove({ invalidate: matches, whenRefetched })
        } catch (thrown) {
          rethrowLater(thrown)
          const writtenOnly = (key: K) => !ok && written.has(key)
          ok ? layer.release({ whenRefetched }) : layer.remove({ invalidate: writtenOnly, whenRefetched })
        }
      }
    } finally {
      release()
    }
  }
  const release = cache.hold()
  try {
    optimistic?.(variables, layer)
  } catch (error) {
    // Held still: what it wrote goes before anyone is told of it.
    settle(false, undefined, error, true)
    return Promise.reject(error)
  } finally {
    release()
  }
  // Readers were told above, before the request starts.
  return new Promise<TResult>((resolve) => resolve(fn(variables))).then(
    (result) => {
      settle(true, result, undefined)
      return result
    },
    (error: unknown) => {
      settle(false, undefined, error)
      throw error
    },
  )
}
