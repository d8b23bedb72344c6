import { type ReactNode, useEffect, useMemo, useState } from 'react'
import { Cache } from '../core/cache'
import type { Clock } from '../core/clock'
import type { CacheSnapshot } from '../core/snapshot'
import { type AnyCache, CacheHooks } from './cacheHooks'
import { CacheContext, noteProviderRendered, onServer } from './context'
import { HydrateCache } from './HydrateCache'

// During server rendering no effect runs, so nothing would ever dispose a provider's cache: it
// arms no timer there at all (reads still check expiry).
const serverClock: Clock = { now: () => Date.now(), setTimeout: () => undefined, clearTimeout: () => {} }

export interface CacheProviderProps {
  /** The cache to provide. Without it, the provider makes one for its lifetime and disposes it on unmount. */
  cache?: AnyCache
  /** For a cache the provider makes: TTL in ms for writes that give none (`null`, the default: never). */
  defaultTtl?: number | null
  /** For a cache the provider makes: the most live entries kept (read once, when it is made). */
  maxSize?: number
  /**
   * Entries to put in the provided cache before the children first render, as {@link HydrateCache}
   * does (a live entry wins; a newer snapshot replaces entries after commit). A malformed one is
   * reported with `console.error` and stores nothing.
   */
  snapshot?: CacheSnapshot<unknown, unknown>
  children?: ReactNode
}

/** Puts a cache in context for the hooks below it. */
export function CacheProvider({ cache, defaultTtl, maxSize, snapshot, children }: CacheProviderProps): ReactNode {
  noteProviderRendered()
  const [own] = useState(() =>
    cache ? undefined : new Cache({ defaultTtl, maxSize, clock: onServer() ? serverClock : undefined }),
  )
  useEffect(() => {
    if (own && defaultTtl !== undefined) own.defaultTtl = defaultTtl
  }, [own, defaultTtl])
  // Under StrictMode this runs mount → dispose → mount: a disposed cache keeps its entries and
  // re-arms its timer as soon as the children subscribe again, so it keeps working.
  useEffect(() => (own ? () => own.dispose() : undefined), [own])
  const provided = (cache ?? own) as AnyCache
  const hooks = useMemo(() => new CacheHooks(provided), [provided])
  return (
    <CacheContext.Provider value={hooks}>
      {/* Always there, so that a snapshot given later does not remount the children. */}
      <HydrateCache snapshot={snapshot}>{children}</HydrateCache>
    </CacheContext.Provider>
  )
}
