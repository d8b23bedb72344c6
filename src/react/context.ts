import { createContext, useContext, useState } from 'react'
import { Cache } from '../core/cache'
import { type AnyCache, CacheRenderState } from './renderState'

/**
 * The cache that hooks use outside any {@link CacheProvider} in the browser. Exported so that
 * apps and tests can flush it (`defaultCache.flush()`). On the server no hook uses it: it would
 * be shared by every request.
 */
export const defaultCache: Cache<unknown, unknown> = /* @__PURE__ */ new Cache()
const defaultRenderState = /* @__PURE__ */ new CacheRenderState(defaultCache)

/** @internal What a {@link CacheProvider} gives the hooks below it. */
export const CacheContext = /* @__PURE__ */ createContext<CacheRenderState | undefined>(undefined)

/**
 * @internal The hooks' state for `cache` under a provider inside `outer`: the one that the
 * enclosing provider or the default cache already keeps for it, so that one cache has one, else a
 * new one.
 */
export const renderStateFor = (cache: AnyCache, outer: CacheRenderState | undefined): CacheRenderState =>
  outer?.cache === cache ? outer : cache === defaultCache ? defaultRenderState : new CacheRenderState(cache)

/** Whether this is a server render: no `window`, so one module instance serves every request. */
export const onServer = (): boolean => typeof window === 'undefined'

// Whether any CacheProvider has rendered yet: the one switch the hooks keep at module level, kept
// because it pays. A context read is not free: React 19 copies and re-checks every context
// dependency of each sibling fiber it passes on the way to an update, and bench scenario A
// measures what that costs ("poche" against "poche in CacheProvider"). A component first
// rendered before any provider existed can sit under none (a provider inserted above it later
// remounts it), so it keeps to the default cache and never reads the context.
let providerRendered = false

/** @internal Called by every {@link CacheProvider} as it renders. */
export const noteProviderRendered = (): void => {
  providerRendered = true
}

/**
 * The hooks' state for the cache of the nearest {@link CacheProvider}; outside any, for
 * {@link defaultCache} in the browser.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: a cache shared by every
 * render would serve one request's data to the next.
 * @internal used by every hook; apps use {@link useCache}.
 */
export function useRenderState(): CacheRenderState {
  // On the server the switch is no guide: another request's provider may have rendered, or not.
  const [readsContext] = useState(() => providerRendered || onServer())
  // biome-ignore lint/correctness/useHookAtTopLevel: readsContext is fixed at mount, so a component calls the same hooks on every render.
  const renderState = readsContext ? useContext(CacheContext) : undefined
  if (renderState) return renderState
  if (onServer()) {
    throw new Error(
      'poche: a hook rendered on the server outside any <CacheProvider>. Wrap the tree in <CacheProvider>, ' +
        'which makes one cache per render, so that no data crosses requests.',
    )
  }
  return defaultRenderState
}

/**
 * The cache of the nearest {@link CacheProvider}; outside any, {@link defaultCache} in the
 * browser. Its identity is stable.
 * @throws Error on the server (no `window`) outside any `CacheProvider`: a cache shared by every
 * render would serve one request's data to the next.
 */
export function useCache<K = unknown, V = unknown>(): Cache<K, V> {
  return useRenderState().cache
}
