import { type ReactNode, useContext, useId } from 'react'
import { onServer, useRenderState } from '../react/context'
import { useHydrating } from '../react/useHydrating'
import { StreamContext } from './streamContext'
import { useStreamInbox } from './streamInbox'

/**
 * Streams the data that a server render fetches for the nearest {@link CacheProvider}'s cache to
 * the browser, when the page is rendered with `renderToCacheStream` (poche/server) in Node. Every
 * `useSuspenseCachedValue` key fetched on the server reaches the browser with the streamed HTML of
 * its Suspense boundary, with its absolute expiration, and is stored there before React hydrates
 * that boundary: no request, no second suspension. Render it once, inside the provider and before
 * what it streams: `<CacheProvider><CacheStream />{children}</CacheProvider>`. Renders nothing.
 * (For the Next.js App Router, use the `CacheStream` of `poche/next`.)
 * @throws Error on the server outside any `CacheProvider`, as every hook does.
 */
export function CacheStream(): ReactNode {
  const renderState = useRenderState()
  const id = useId()
  const hydrating = useHydrating()
  const stream = useContext(StreamContext)
  if (stream && onServer()) {
    stream.add(renderState.cache, id)
    renderState._streamed = true
  }
  useStreamInbox(renderState, id, hydrating)
  return null
}
