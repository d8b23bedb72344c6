import { type ReactNode, useEffect, useRef, useState } from 'react'
import { type CacheSnapshot, hydrate } from '../core/snapshot'
import { useRenderState } from './context'
import type { AnyCache } from './renderState'
import { useAfterCommit, writeDuringRender } from './renderWrite'

export interface HydrateCacheProps {
  /** Entries to put in the nearest cache, as `dehydrate` made them (on the server, say). */
  snapshot: CacheSnapshot<unknown, unknown> | undefined
  /**
   * Called with the `TypeError` of a snapshot that is not one; nothing is stored then. Default:
   * `console.error`. Bad data from outside never throws into the app.
   */
  onError?: (error: unknown) => void
  children?: ReactNode
}

// The snapshot's keys that the cache holds, once hydrate has accepted the snapshot's shape.
const keysIn = (cache: AnyCache, snapshot: CacheSnapshot<unknown, unknown>): unknown[] =>
  snapshot.entries.flatMap(([key]) => (cache.getItem(key) ? [key] : []))

// A malformed snapshot is reported, never thrown into the app; hydrate changed nothing then.
const hydrateReporting = (
  cache: AnyCache,
  snapshot: CacheSnapshot<unknown, unknown>,
  overwrite: boolean,
  onError: ((error: unknown) => void) | undefined,
): unknown[] => {
  try {
    hydrate(cache, snapshot, { overwrite })
    return keysIn(cache, snapshot)
  } catch (error) {
    ;(onError ?? console.error)(error)
    return []
  }
}

const sameJson = (a: unknown, b: unknown): boolean => {
  try {
    return JSON.stringify(a) === JSON.stringify(b)
  } catch {
    return false
  }
}

/**
 * Puts the entries of `snapshot` in the nearest cache before its children first render, so their
 * first render in the browser matches the server's HTML, with no request for what the server
 * fetched. It never replaces a live entry, and it announces what it stored only after commit, so
 * components elsewhere that read those keys never update during this render.
 *
 * When `snapshot` changes (client navigation brings newer server data), its entries replace the
 * live ones, after commit; a new object with the same content as before changes nothing.
 * @throws Error on the server (no `window`) outside any `CacheProvider`, as every hook does.
 */
export function HydrateCache({ snapshot, onError, children }: HydrateCacheProps): ReactNode {
  const renderState = useRenderState()
  const cache = renderState.cache
  // On the first render only (a state initializer), so the children below read what it stored.
  // Announced once a component of this render commits (this one, at the latest): telling other
  // components now would update them during this render.
  const [written] = useState(() => {
    if (!snapshot) return { render: 0, keys: [] }
    const render = renderState._stampRender()
    const keys = writeDuringRender(
      renderState,
      render,
      () => hydrateReporting(cache, snapshot, false, onError),
      (stored) => stored,
    )
    return { render, keys }
  })
  useAfterCommit(renderState, written.render, () => written.keys)
  // What was applied, as JSON: a snapshot made anew with the same content (a `JSON.parse` in
  // render, say) must change nothing, or its own announcement would re-render it for ever.
  const applied = useRef(snapshot)
  useEffect(() => {
    if (applied.current === snapshot) return
    const same = snapshot !== undefined && sameJson(applied.current, snapshot)
    applied.current = snapshot
    if (snapshot && !same) hydrateReporting(cache, snapshot, true, onError)
  }, [cache, snapshot, onError])
  return children
}
