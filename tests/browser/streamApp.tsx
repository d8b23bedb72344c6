// The app that tests/browser/streaming.test.ts streams from Node with renderToCacheStream and
// hydrates in Chromium: two Suspense boundaries, each reading a key that nobody prefetched.
import { Suspense } from 'react'
import { CacheProvider, useCache, useSuspenseCachedValue } from '../../src/index'
import { CacheStream } from '../../src/stream/index'

export interface AppProps {
  /** The user this page is for: every key and request carries it. */
  user: string
  /** Where the API is, so the server can fetch too (absolute URL). */
  base: string
}

export interface Item {
  id: string
  user: string
  name: string
}

declare global {
  interface Window {
    /** How many times the page's fetcher ran in the browser. */
    browserFetches?: number
    appCache?: ReturnType<typeof useCache>
  }
}

const fetchItem = (base: string, user: string, id: string) => async (signal: AbortSignal) => {
  if (typeof window !== 'undefined') window.browserFetches = (window.browserFetches ?? 0) + 1
  const response = await fetch(`${base}/api/${user}/${id}`, { signal })
  return (await response.json()) as Item
}

function Row({ user, base, id }: AppProps & { id: string }) {
  const item = useSuspenseCachedValue(`${user}:${id}`, fetchItem(base, user, id), 60_000)
  return <li data-testid={`item-${id}`}>{`${item.user}: ${item.name}`}</li>
}

function ExposeCache() {
  const cache = useCache()
  if (typeof window !== 'undefined') window.appCache = cache
  return null
}

export function App({ user, base }: AppProps) {
  return (
    <html lang="en">
      {/* biome-ignore lint/style/noHeadElement: a plain React document, not a Next.js page. */}
      <head>
        <title>{`poche streaming for ${user}`}</title>
        <link rel="icon" href="data:," />
      </head>
      <body>
        <CacheProvider>
          <CacheStream />
          <ExposeCache />
          <h1>{user}</h1>
          <ul>
            <Suspense fallback={<li>loading 1</li>}>
              <Row user={user} base={base} id="1" />
            </Suspense>
            <Suspense fallback={<li>loading 2</li>}>
              <Row user={user} base={base} id="2" />
            </Suspense>
          </ul>
        </CacheProvider>
      </body>
    </html>
  )
}
