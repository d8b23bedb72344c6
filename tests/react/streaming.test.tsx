// @vitest-environment node
// renderToCacheStream (poche/server) with <CacheStream /> (poche/stream) in Node, without a browser:
// what it writes around React's streamed HTML. tests/browser/streaming.test.ts hydrates the same kind of page in Chromium.
import { Writable } from 'node:stream'
import { Suspense } from 'react'
import * as ReactDOM from 'react-dom'
import { expect, it } from 'vitest'
import { CacheProvider, HydrateCache, useCache, useSuspenseCachedValue } from '../../src/index'
import { renderToCacheStream } from '../../src/server/index'
import { CacheStream } from '../../src/stream/index'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Renders `element` with renderToCacheStream and collects everything it writes. */
const stream = (element: React.ReactNode, options: { nonce?: string } = {}): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: string[] = []
    const out = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk))
        done()
      },
    })
    out.on('finish', () => resolve(chunks.join('')))
    const { pipe } = renderToCacheStream(element, {
      ...options,
      onShellReady: () => pipe(out),
      onShellError: reject,
    })
  })

function Row({
  id,
  ms,
  calls,
  expirations,
}: {
  id: string
  ms: number
  calls: string[]
  expirations?: Map<string, unknown>
}) {
  const cache = useCache()
  const value = useSuspenseCachedValue(
    id,
    async () => {
      calls.push(id)
      await wait(ms)
      return `value of ${id}</script>`
    },
    60_000,
  )
  expirations?.set(id, cache.getItem(id)?.expiration)
  return <li>{value}</li>
}

const page = (user: string, calls: string[], expirations?: Map<string, unknown>) => (
  <html lang="en">
    <body>
      <CacheProvider>
        <CacheStream />
        <Suspense fallback={<p>loading 1</p>}>
          <Row id={`${user}:1`} ms={10} calls={calls} expirations={expirations} />
        </Suspense>
        <Suspense fallback={<p>loading 2</p>}>
          <Row id={`${user}:2`} ms={60} calls={calls} expirations={expirations} />
        </Suspense>
      </CacheProvider>
    </body>
  </html>
)

it('each fetched entry is written, escaped and with its absolute expiration, before its boundary’s HTML', async () => {
  const calls: string[] = []
  const expirations = new Map<string, unknown>()
  const html = await stream(page('ada', calls, expirations))
  expect(calls).toEqual(['ada:1', 'ada:2'])
  for (const id of ['ada:1', 'ada:2']) {
    const entry = `["${id}","value of ${id}\\u003c/script\\u003e",${expirations.get(id)}]`
    expect(html).toContain(entry)
    const boundary = id.endsWith('1') ? '<div hidden id="S:0">' : '<div hidden id="S:1">'
    expect(html.indexOf(entry)).toBeLessThan(html.indexOf(boundary))
  }
  expect(typeof expirations.get('ada:1')).toBe('number')
  // The document starts as React starts it; every script is whole.
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
  expect(html.match(/<script>\(function\(p,i\)/g)).toHaveLength(2)
})

it('two renders streamed at once each send only their own entries', async () => {
  const calls: string[] = []
  const [alice, bob] = await Promise.all([stream(page('alice', calls)), stream(page('bob', calls))])
  expect(alice).toContain('"alice:2"')
  expect(alice).not.toContain('bob')
  expect(bob).toContain('"bob:2"')
  expect(bob).not.toContain('alice')
  expect(calls.sort()).toEqual(['alice:1', 'alice:2', 'bob:1', 'bob:2'])
})

it('sends nothing for entries the page already has (HydrateCache), and carries the render’s nonce', async () => {
  const calls: string[] = []
  const html = await stream(
    <CacheProvider>
      <CacheStream />
      <HydrateCache snapshot={{ version: 1, entries: [['kept:1', 'prefetched', null]] }}>
        <Suspense fallback={<p>loading</p>}>
          <Row id="kept:1" ms={10} calls={calls} />
          <Row id="kept:2" ms={10} calls={calls} />
        </Suspense>
      </HydrateCache>
    </CacheProvider>,
    { nonce: 'n0"nce' },
  )
  expect(calls).toEqual(['kept:2'])
  expect(html).not.toContain('"kept:1",')
  expect(html).toContain('<script nonce="n0&quot;nce">(function(p,i)')
  expect(html).toContain('"kept:2"')
})

it('without a CacheStream nothing is streamed, and the server fetches nothing where React can leave the boundary to the browser', async () => {
  const calls: string[] = []
  const html = await stream(
    <CacheProvider>
      <Suspense fallback={<p>loading</p>}>
        <Row id="plain:1" ms={10} calls={calls} />
      </Suspense>
    </CacheProvider>,
  )
  expect(html).not.toContain('(function(p,i)')
  expect(html).toContain('loading')
  // React DOM's browser() (19.3 and later) sends the fallback; before it the server fetches as always.
  expect(calls).toEqual('browser' in ReactDOM ? [] : ['plain:1'])
})
