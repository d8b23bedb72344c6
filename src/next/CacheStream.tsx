import { useServerInsertedHTML } from 'next/navigation'
import { type ReactNode, useId, useState } from 'react'
import { onServer, useRenderState } from '../react/context'
import { useHydrating } from '../react/useHydrating'
import { StreamOutbox } from '../stream/outbox'
import { useStreamInbox } from '../stream/streamInbox'

/**
 * For the Next.js App Router: streams the data that the server render fetches for the nearest
 * {@link CacheProvider}'s cache to the browser. Every `useSuspenseCachedValue` key fetched on the
 * server reaches the browser with the streamed HTML of its Suspense boundary (through Next's
 * `useServerInsertedHTML`), with its absolute expiration, and the browser stores it before React
 * hydrates that boundary: no request, no second suspension. Render it once, inside the provider
 * and before what it streams: `<CacheProvider><CacheStream />{children}</CacheProvider>`.
 * Renders nothing. (With `renderToCacheStream` in plain Node, use the `CacheStream` of `poche/stream`.)
 * @throws Error on the server outside any `CacheProvider`, as every hook does.
 */
export function CacheStream(): ReactNode {
  const renderState = useRenderState()
  const id = useId()
  const hydrating = useHydrating()
  const [outbox] = useState(() => {
    if (!onServer()) return undefined
    const outbox = new StreamOutbox()
    outbox.add(renderState.cache, id)
    renderState._streamed = true
    return outbox
  })
  useServerInsertedHTML(() => {
    const script = outbox?._takeScript()
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the script's JSON is escaped for <script> (scriptSafeJson).
    return script ? <script dangerouslySetInnerHTML={{ __html: script }} /> : null
  })
  useStreamInbox(renderState, id, hydrating)
  return null
}
