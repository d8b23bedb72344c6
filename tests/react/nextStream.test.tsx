// @vitest-environment node
// poche/next's CacheStream on the server, with Next's useServerInsertedHTML stood in for: each
// call Next makes before a flush gets a script with the entries fetched since the last one.

import { Writable } from 'node:stream'
import { isValidElement, type ReactElement, type ReactNode, Suspense } from 'react'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'

const inserters: Array<() => ReactNode> = []
vi.mock('next/navigation', () => ({ useServerInsertedHTML: (callback: () => ReactNode) => inserters.push(callback) }))

const { CacheProvider, useSuspenseCachedValue } = await import('../../src/index')
const { CacheStream } = await import('../../src/next/index')

function Row({ id }: { id: string }) {
  return <p>{useSuspenseCachedValue(id, async () => `value of ${id}`, 60_000)}</p>
}

it('hands Next a script for each fetched entry once, and nothing when nothing arrived', async () => {
  await new Promise<void>((resolve) => {
    const { pipe } = renderToPipeableStream(
      <CacheProvider>
        <CacheStream />
        <Suspense fallback={<p>loading</p>}>
          <Row id="a" />
        </Suspense>
      </CacheProvider>,
      {
        onAllReady() {
          const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
          sink.on('finish', () => resolve())
          pipe(sink)
        },
      },
    )
  })
  expect(inserters).toHaveLength(1)
  const inserted = inserters[0]?.() as ReactElement<{ dangerouslySetInnerHTML: { __html: string } }>
  expect(isValidElement(inserted)).toBe(true)
  expect(renderToString(inserted)).toMatch(/^<script>\(function\(p,i\).*\["a","value of a",\d+\]/)
  // Sent once.
  expect(inserters[0]?.()).toBeNull()
})
