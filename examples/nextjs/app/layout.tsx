import type { Metadata } from 'next'
import Link from 'next/link'
import { CacheProvider } from 'poche'
import { CacheDevtools } from 'poche/devtools'
import { CacheStream } from 'poche/next'
import type { ReactNode } from 'react'

export const metadata: Metadata = {
  title: 'poche with Next.js',
  description: 'An in-memory TTL cache for React, in a Next.js App Router app.',
}

// A server component. CacheProvider comes from a "use client" module, so it renders on the server
// once per request (making one cache for that request) and again in the browser (one per tab).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', lineHeight: 1.5 }}>
        <nav style={{ display: 'flex', gap: '1rem' }}>
          <Link href="/">Home</Link>
          <Link href="/async">useCachedAsync</Link>
          <Link href="/prefetch">Server prefetch</Link>
          <Link href="/streaming">Streaming</Link>
          <Link href="/core">poche/core</Link>
          <Link href="/user?name=alice">User alice</Link>
        </nav>
        <CacheProvider defaultTtl={60_000}>
          {/* Streams what the server fetches for this cache to the browser (see /streaming). */}
          <CacheStream />
          {children}
          {/* Renders nothing in this production build (next build, next start); in next dev it is the panel. */}
          <CacheDevtools />
        </CacheProvider>
      </body>
    </html>
  )
}
