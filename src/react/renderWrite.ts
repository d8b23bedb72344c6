import { useEffect } from 'react'
import { onServer } from './context'
import type { CacheRenderState } from './renderState'

/**
 * The one way the hooks write to the cache during a render (a miss in `useComputed`, the first
 * render of `HydrateCache`): `write` runs now, so this render and its siblings read the result,
 * while the cache's announcements wait for {@link useAfterCommit} (React forbids updating other
 * components during a render), and the keys that `written` lists are pinned until their readers
 * have subscribed, so that `maxSize` cannot evict them in between. What `write` throws is thrown
 * on, with nothing pinned.
 * @param render - the stamp of this render, from `renderState._stampRender()`.
 */
export function writeDuringRender<T>(
  renderState: CacheRenderState,
  render: number,
  write: () => T,
  written: (result: T) => Iterable<unknown>,
): T {
  renderState._holdForRender(render)
  const result = write()
  if (!onServer()) for (const key of written(result)) renderState._pin(key)
  return result
}

/**
 * After the render stamped `render` commits: announces what it (and any render before it that
 * React threw away) wrote, and unpins `keys`. Effects run children first, so by then every
 * reader of those keys below the caller, and the caller itself when it reads with
 * useSyncExternalStore in an earlier hook, has subscribed, which keeps its key while mounted.
 */
export function useAfterCommit(renderState: CacheRenderState, render: number, keys: () => Iterable<unknown>): void {
  // Once per committed render: a render's stamp is new each time it renders.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keys belong to the render stamped `render`.
  useEffect(() => {
    if (!render) return
    renderState._releaseUpTo(render)
    for (const key of keys()) renderState._unpin(key)
  }, [renderState, render])
}

/**
 * Keeps `key` through StrictMode's pretend unmount: its readers unsubscribe and subscribe again at
 * once, and in between `maxSize` would evict the entry, so its factory would run again. A reader
 * unmounted before any render since it mounted (StrictMode's case, or the root's unmount) keeps
 * its key from eviction for a microtask more. Call it before the hook that subscribes, so that its
 * cleanup runs first.
 */
export function useKeepThroughRemount(renderState: CacheRenderState, key: unknown): void {
  useEffect(() => {
    const mountedAfter = renderState._lastRender
    return () => {
      if (renderState._lastRender === mountedAfter) renderState._pinBriefly(key)
    }
  }, [renderState, key])
}
