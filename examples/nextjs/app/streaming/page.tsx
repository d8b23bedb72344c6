import { Suspense } from 'react'
import { StreamReader } from './reader'

export const dynamic = 'force-dynamic'

// Two Suspense boundaries read keys that nobody prefetched. The server fetches each while the
// page streams (the second one later), and each value reaches the browser with its boundary's
// HTML: the browser makes no request for them. `?run=ID` gives the keys a prefix of their own.
export default async function StreamingPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const { run } = await searchParams
  const prefix = run ? `${run}:` : ''
  return (
    <main>
      <h1>Streaming</h1>
      <p>
        Each value below is fetched once, on the server, while the page streams; the layout&apos;s{' '}
        <code>&lt;CacheStream /&gt;</code> (<code>poche/next</code>) sends it to the browser with its Suspense boundary,
        which hydrates without a request.
      </p>
      <ul>
        <Suspense fallback={<li data-testid="stream-fallback">loading {prefix}fast…</li>}>
          <StreamReader cacheKey={`${prefix}fast`} delay={50} />
        </Suspense>
        <Suspense fallback={<li data-testid="stream-fallback">loading {prefix}slow…</li>}>
          <StreamReader cacheKey={`${prefix}slow`} delay={600} />
        </Suspense>
      </ul>
    </main>
  )
}
