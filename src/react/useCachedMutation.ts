import { useCallback, useDebugValue, useRef, useState } from 'react'
import type { Cache } from '../core/cache'
import { onServer, useRenderState } from './context'
import { keyFetches } from './keyFetches'
import { backgroundRefetch, type MutationOptions, runMutation } from './mutation'

/** What {@link useCachedMutation} returns. Every function keeps its identity while the cache does. */
export interface MutationState<TVariables, TResult> {
  /** Runs the mutation; returns nothing and never rejects (the failure shows in `status` and `error`). */
  mutate: (variables: TVariables) => void
  /** Runs the mutation; the Promise gives its result, or rejects with its error. */
  mutateAsync: (variables: TVariables) => Promise<TResult>
  /** Of the latest call: `'idle'` before any (and after `reset`), then `'pending'`, `'success'` or `'error'`. */
  status: 'idle' | 'pending' | 'success' | 'error'
  /** The latest call's result once it succeeded, else `undefined`. */
  data: TResult | undefined
  /** The latest call's error once it failed, else `undefined`. */
  error: unknown
  /** What the latest call was given: a UI can show the pending change from it, without the cache. */
  variables: TVariables | undefined
  /** `status === 'pending'`. */
  isPending: boolean
  /** Back to `'idle'`; calls still running go on, and are no longer shown. */
  reset: () => void
}

interface Shown<TVariables, TResult> {
  status: MutationState<TVariables, TResult>['status']
  data?: TResult
  error?: unknown
  variables?: TVariables
}

const idle = { status: 'idle' } as const
const ignore = (): void => {}

/**
 * Changes server data: `fn(variables)` makes the request, and the options say what the cache
 * shows meanwhile and after (see {@link MutationOptions}). Writes inside `optimistic` are shown at
 * once to every reader, in this tab only, and undone exactly on failure (each key then shows the
 * newest other pending call's value, else the committed value as it is now); every other write is
 * committed. After a call settles, the keys it wrote optimistically and those `invalidate`
 * matches are invalidated, so mounted async readers fetch them again, and the optimistic values
 * stay on screen until those fetches land: a reader goes from the optimistic value straight to
 * the server's.
 *
 * The hook shows its latest call. Every call runs to its end even if the component unmounts (its
 * cache writes still happen). A callback that throws after the request (`onSuccess`, `onError`,
 * `onSettled`, `invalidate`) is thrown again on its own in a microtask, where the runtime reports
 * it, and the call still settles its values. On the server the hook renders `'idle'`, `mutate`
 * does nothing and `mutateAsync` rejects.
 * @param fn - the request, given the call's variables; a Promise or a value (a throw is a failure).
 * @throws Error on the server (no `window`) outside any `CacheProvider`: see {@link useCache}.
 */
export function useCachedMutation<TVariables = void, TResult = unknown, K = unknown, V = unknown>(
  fn: (variables: TVariables) => PromiseLike<TResult> | TResult,
  options: MutationOptions<TVariables, TResult, K, V> = {},
): MutationState<TVariables, TResult> {
  const renderState = useRenderState()
  const cache = renderState.cache as Cache<K, V>
  const [shown, setShown] = useState<Shown<TVariables, TResult>>(idle)
  // The latest fn and options, read when a call starts, so the functions keep their identity.
  const latest = useRef({ fn, options, call: 0 })
  latest.current.fn = fn
  latest.current.options = options
  const mutateAsync = useCallback(
    (variables: TVariables): Promise<TResult> => {
      if (onServer()) return Promise.reject(new Error('poche: useCachedMutation runs in the browser only'))
      const call = ++latest.current.call
      const { fn, options } = latest.current
      // Set when this call is still the latest: React 18 and 19 ignore it after unmount, silently.
      const show = (next: Shown<TVariables, TResult>) => {
        if (latest.current.call === call) setShown(next)
      }
      show({ status: 'pending', variables })
      const whenRefetched = backgroundRefetch<K>(renderState._part(keyFetches))
      return runMutation(cache, fn, options ?? {}, variables, whenRefetched).then(
        (data) => {
          show({ status: 'success', data, variables })
          return data
        },
        (error: unknown) => {
          show({ status: 'error', error, variables })
          throw error
        },
      )
    },
    [cache, renderState],
  )
  const mutate = useCallback((variables: TVariables) => void mutateAsync(variables).catch(ignore), [mutateAsync])
  const reset = useCallback(() => {
    latest.current.call++
    setShown(idle)
  }, [])
  useDebugValue(shown.status)
  return {
    mutate,
    mutateAsync,
    status: shown.status,
    data: shown.data,
    error: shown.error,
    variables: shown.variables,
    isPending: shown.status === 'pending',
    reset,
  }
}
