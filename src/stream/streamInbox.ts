import { useEffect, useState } from 'react'
import { type CacheSnapshot, hydrate } from '../core/snapshot'
import { onServer } from '../react/context'
import type { CacheRenderState } from '../react/renderState'
import { useAfterCommit, writeDuringRender } from '../react/renderWrite'
import { INBOXES } from './streamContext'

/** Where a provider takes streamed snapshots: the server's scripts call `push` (see `StreamOutbox`). */
interface Inbox {
  push(snapshot: unknown): void
}

type Inboxes = Record<string, unknown[] | Inbox>

const pageInboxes = (): Inboxes => {
  const page = window as unknown as Record<string, Inboxes | undefined>
  page[INBOXES] ??= {}
  return page[INBOXES]
}

/**
 * Stores a streamed snapshot and returns the keys it stored. Bad data from the page is reported
 * with `console.error`, never thrown into the app.
 */
const receive = (renderState: CacheRenderState, snapshot: unknown): unknown[] => {
  try {
    hydrate(renderState.cache, snapshot as CacheSnapshot)
    return (snapshot as CacheSnapshot).entries.map(([key]) => key)
  } catch (error) {
    console.error(error)
    return []
  }
}

/**
 * In the browser, while hydrating server HTML: the entries the server streamed for the
 * `CacheStream` known as `id` go into its provider's cache. Those that arrived before this first render are stored now (as
 * a render-time write, announced after commit); later ones as their scripts run, each pinned
 * until the boundary that reads it hydrates (or 2 s pass). Nothing on the server.
 * @internal used by the CacheStream of poche/stream and of poche/next.
 */
export function useStreamInbox(renderState: CacheRenderState, id: string, hydrating: boolean): void {
  const [written] = useState(() => {
    if (!hydrating || onServer()) return { render: 0, keys: [] as unknown[] }
    const render = renderState._stampRender()
    const keys = writeDuringRender(
      renderState,
      render,
      () => open(renderState, id),
      (keys) => keys,
    )
    return { render, keys }
  })
  useAfterCommit(renderState, written.render, () => written.keys)
  // Opened again after StrictMode's pretend unmount; closed on unmount.
  useEffect(() => {
    if (!written.render) return
    open(renderState, id)
    return () => {
      delete pageInboxes()[id]
    }
  }, [renderState, id, written])
}

/** Takes the snapshots waiting for `id`, and has later ones stored as they come; returns the keys stored. */
const open = (renderState: CacheRenderState, id: string): unknown[] => {
  const inboxes = pageInboxes()
  const waiting = inboxes[id]
  inboxes[id] = {
    push(snapshot: unknown) {
      for (const key of receive(renderState, snapshot)) renderState._pin(key)
    },
  }
  return Array.isArray(waiting) ? waiting.flatMap((snapshot) => receive(renderState, snapshot)) : []
}
