import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { Cache } from '../core/cache'
import type { Clock } from '../core/clock'
import type { CacheSnapshot } from '../core/snapshot'
import { CacheContext, noteProviderRendered, onServer, renderStateFor } from './context'
import { HydrateCache } from './HydrateCache'
import type { AnyCache } from './renderState'
import { useHydrating } from './useHydrating'

// During server rendering no effect runs, so nothing would ever dispose a provider's cache: it
// arms no timer there at all (reads still check expiry).
const serverClock: Clock = { now: () => Date.now(), setTimeout: () => undefined, clearTimeout: () => {} }

/**
 * Something started on a provider's cache for its lifetime, such as `persistCache` or `syncTabs`:
 * what it returns is stopped on unmount (after a `flush()`, where there is one, so that pending
 * writes are kept).
 */
export type CacheAttachment = (cache: AnyCache) => { flush?(): void; stop(): void } | (() => void)

const end = (started: ReturnType<CacheAttachment>, flush: boolean): void => {
  if (typeof started === 'function') started()
  else {
    if (flush) started.flush?.()
    started.stop()
  }
}

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
  /**
   * For a cache the provider makes: keeps it in storage while the provider is mounted, e.g.
   * `persist={(cache) => persistCache(cache, { name: 'app' })}` (`poche/persist`); stopped on unmount.
   * Where the stored entries first show: in a render of the client's own (no server HTML), in the
   * first render, so nothing flashes empty; when hydrating server HTML, right after hydration, so
   * the first render matches the server's. React tells which case it is; nothing to configure.
   * A function, so that an app without persistence does not bundle it.
   */
  persist?: CacheAttachment
  /**
   * For a cache the provider makes: shares its changes with the other tabs while mounted, e.g.
   * `syncTabs={syncTabs}` or `syncTabs={(cache) => syncTabs(cache, { channel: 'app' })}` (`poche/persist`).
   */
  syncTabs?: CacheAttachment
  children?: ReactNode
}

/** Puts a cache in context for the hooks below it. */
export function CacheProvider(props: CacheProviderProps): ReactNode {
  const { cache, defaultTtl, maxSize, snapshot, persist, syncTabs, children } = props
  noteProviderRendered()
  const hydrating = useHydrating()
  const [own] = useState(() =>
    cache ? undefined : new Cache({ defaultTtl, maxSize, clock: onServer() ? serverClock : undefined }),
  )
  // With no server HTML to match, the stored entries are read before the children first render:
  // started and stopped at once, so a render React throws away (StrictMode renders twice) leaves
  // nothing running. The effect starts what stays, after hydration when there is one; reading the
  // storage again then changes nothing, since live entries win.
  useState(() => {
    if (own && persist && !hydrating && !onServer()) end(persist(own), false)
  })
  // Read once: the provider's own cache keeps the storage and channel it started with.
  // biome-ignore lint/correctness/useExhaustiveDependencies: persist and syncTabs are read once, at mount.
  useEffect(() => {
    if (!own) return
    const started = [persist, syncTabs].flatMap((attach) => (attach ? [attach(own)] : []))
    return () => {
      for (const attachment of started) end(attachment, true)
    }
  }, [own])
  useEffect(() => {
    if (own && defaultTtl !== undefined) own.defaultTtl = defaultTtl
  }, [own, defaultTtl])
  // Under StrictMode this runs mount → unmount → mount at once: disposing then would drop the
  // listeners taken during render (the pins of render-time writes), so the dispose waits a
  // microtask and is skipped if the provider mounted again meanwhile.
  const mounts = useRef(0)
  useEffect(() => {
    if (!own) return
    mounts.current++
    return () => {
      mounts.current--
      queueMicrotask(() => {
        if (!mounts.current) own.dispose()
      })
    }
  }, [own])
  const provided = (cache ?? own) as AnyCache
  const outer = useContext(CacheContext)
  const renderState = useMemo(() => renderStateFor(provided, outer), [provided, outer])
  return (
    <CacheContext.Provider value={renderState}>
      {/* Always there, so that a snapshot given later does not remount the children. */}
      <HydrateCache snapshot={snapshot}>{children}</HydrateCache>
    </CacheContext.Provider>
  )
}
