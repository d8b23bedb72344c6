import { createContext } from 'react'
import type { Cache } from '../core/cache'

/** @internal What a streaming server render offers each `CacheStream`: see `StreamOutbox`. */
export interface StreamTarget {
  add(cache: Cache<unknown, unknown>, id: string): void
}

/**
 * @internal Set by `renderToCacheStream` (poche/server) around the app; a `CacheStream` under it
 * has the entries its provider's cache fetches during the server render streamed to the browser.
 */
export const StreamContext = /* @__PURE__ */ createContext<StreamTarget | undefined>(undefined)

/**
 * @internal The page-wide object (`self.__poche`) where the snapshots a server streams wait, per
 * `CacheStream` id, until that `CacheStream` in the browser takes them (see `useStreamInbox`).
 */
export const INBOXES = '__poche'
