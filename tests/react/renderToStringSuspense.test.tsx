// @vitest-environment jsdom
// A server that renders with renderToString (no streaming) keeps the boundary's fallback for a key
// that is not in the cache; the browser then fetches it, once. Where React DOM has `browser()`
// (React 19.3 and later) the server asks for browser-only rendering: no fetch on the server, and
// hydration reports nothing. Before it (React 18), the server fetches for nothing and React
// reports its renderToString bailout as a recoverable error (what the README says).
import { act } from '@testing-library/react'
import { Suspense } from 'react'
import * as ReactDOM from 'react-dom'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { CacheProvider, useSuspenseCachedValue } from '../../src/index'
import { flushPromises } from '../helpers/deferred'

let fetches = 0
const fetcher = async () => {
  fetches++
  return 'fetched'
}

function Value() {
  return <p>{useSuspenseCachedValue('k', fetcher, 60_000)}</p>
}

const app = (
  <CacheProvider>
    <Suspense fallback={<p>loading</p>}>
      <Value />
    </Suspense>
  </CacheProvider>
)

it('renderToString: the fallback, then one browser fetch; with browser() nothing on the server and nothing reported', async () => {
  // The server's render: no window.
  vi.stubGlobal('window', undefined)
  let html: string
  try {
    html = renderToString(app)
  } finally {
    vi.unstubAllGlobals()
  }
  expect(html).toContain('loading')
  const serverFetches = fetches
  const root = document.createElement('div')
  root.innerHTML = html
  document.body.append(root)
  const recoverable: string[] = []
  const browserOnly = 'browser' in ReactDOM
  await act(async () => {
    hydrateRoot(root, app, { onRecoverableError: (error) => recoverable.push(String(error)) })
  })
  await act(flushPromises)
  expect(root.textContent).toBe('fetched')
  expect(fetches - serverFetches).toBe(1)
  if (browserOnly) {
    expect(serverFetches).toBe(0)
    expect(recoverable).toEqual([])
  } else {
    expect(serverFetches).toBe(1)
    expect(recoverable).toEqual([expect.stringContaining('renderToString')])
  }
  root.remove()
})
