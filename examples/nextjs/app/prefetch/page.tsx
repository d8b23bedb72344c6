import { HydrateCache } from 'poche'
import { Cache, dehydrate } from 'poche/core'
import { Suspense } from 'react'
import type { Value } from '../value'
import { loadValue } from './load'
import { AsyncReader, SuspenseReader } from './readers'

const ttl = 60_000

// A server component loads two keys into a Cache of its own, made for this request, and hands
// the client components a snapshot of it. HydrateCache puts the entries in the layout's
// CacheProvider cache before its children first render, on the server and again in the browser,
// so both renders show the data (no hydration mismatch) and the browser never requests it.
// `?run=ID` gives the keys a prefix of their own, so that a check can tell its requests apart.
export default async function PrefetchPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const { run } = await searchParams
  const prefix = run ? `${run}:` : ''
  const profile = `${prefix}profile`
  const feed = `${prefix}feed`
  const extra = `${prefix}extra`

  // Typed with what the factory returns. The snapshot holds the fulfilled values, though its type
  // still says Promise<Value> (HydrateCache takes a snapshot of any type).
  const cache = new Cache<string, Promise<Value>>()
  await Promise.all([profile, feed].map((key) => cache.getOrCompute(key, () => loadValue(key), ttl)))
  // Fulfilled Promises go in with their values, each with its own expiration.
  const snapshot = dehydrate(cache)
  // This cache served its purpose: cancel its expiry timer.
  cache.dispose()

  return (
    <main>
      <h1>Server prefetch</h1>
      <p>
        This page (a server component) loads <code>{profile}</code> and <code>{feed}</code> with{' '}
        <code>cache.getOrCompute</code> on a <code>Cache</code> from <code>poche/core</code>, and passes{' '}
        <code>dehydrate(cache)</code> to <code>&lt;HydrateCache&gt;</code>. The client components below show them in the
        first paint with no request from the browser; <code>{extra}</code> was not prefetched, so the browser fetches it
        once.
      </p>
      <HydrateCache snapshot={snapshot}>
        <ul>
          <AsyncReader cacheKey={profile} />
          <AsyncReader cacheKey={feed} />
          <Suspense fallback={<li data-testid="prefetch-fallback">loading…</li>}>
            <SuspenseReader cacheKey={profile} />
            <SuspenseReader cacheKey={feed} />
          </Suspense>
          <AsyncReader cacheKey={extra} />
        </ul>
      </HydrateCache>
    </main>
  )
}
