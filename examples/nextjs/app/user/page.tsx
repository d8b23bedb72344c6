import { Suspense } from 'react'
import { Me } from './me'

interface Params {
  name?: string
  delay?: string
}

// Waits `?delay=` ms (at most 2 s) before rendering, so that a check can interleave the server
// renders of two users: the provider (in the layout) renders first, this part streams in later.
async function User({ searchParams }: { searchParams: Promise<Params> }) {
  const { name = 'guest', delay } = await searchParams
  const ms = Math.min(Math.max(Number(delay) || 0, 0), 2_000)
  if (ms) await new Promise((resolve) => setTimeout(resolve, ms))
  return <Me name={name} />
}

export default function UserPage({ searchParams }: { searchParams: Promise<Params> }) {
  return (
    <main>
      <h1>Per-user data</h1>
      <p>
        The name comes from the query (<code>/user?name=alice</code>) and is read through{' '}
        <code>useCachedValue(&apos;me&apos;, …)</code>: each request has its own provider cache, so two users never see
        each other&apos;s.
      </p>
      <Suspense fallback={<p>Loading…</p>}>
        <User searchParams={searchParams} />
      </Suspense>
    </main>
  )
}
