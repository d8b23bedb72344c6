// @vitest-environment jsdom
// Server HTML rendered without a window shows pending for keys not prefetched; the browser
// hydrates it without a warning and then fetches each such key once.
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { Cache, CacheProvider, useCachedAsync } from '../../src/index'
import { controlledFetcher } from '../helpers/deferred'

function Item({ id, fetcher }: { id: string; fetcher: (signal: AbortSignal) => Promise<string> }) {
  const { data, status } = useCachedAsync(`item:${id}`, fetcher, 60_000)
  return <li>{status === 'success' ? data : 'loading'}</li>
}

const App = ({ fetcher }: { fetcher: (signal: AbortSignal) => Promise<string> }) => (
  <ul>
    <Item id="1" fetcher={fetcher} />
    <Item id="2" fetcher={fetcher} />
    <Item id="1" fetcher={fetcher} />
    <Item id="3" fetcher={fetcher} />
  </ul>
)

it('fetches after hydration, once per key, with no hydration warning; a prefetched key is not fetched', async () => {
  const serverFetcher = vi.fn(() => Promise.resolve('from the server'))
  const serverCache = new Cache()
  serverCache.set('item:3', 'prefetched')
  // The server's render: no window there.
  vi.stubGlobal('window', undefined)
  let html: string
  try {
    html = renderToString(
      <CacheProvider cache={serverCache}>
        <App fetcher={serverFetcher} />
      </CacheProvider>,
    )
  } finally {
    vi.unstubAllGlobals()
  }
  expect(serverFetcher).not.toHaveBeenCalled()
  expect(html).toBe('<ul><li>loading</li><li>loading</li><li>loading</li><li>prefetched</li></ul>')

  const root = document.createElement('div')
  root.innerHTML = html
  document.body.append(root)
  const cache = new Cache()
  cache.set('item:3', 'prefetched')
  const { calls, fetcher } = controlledFetcher<string>()
  const recoverable: unknown[] = []
  await act(async () => {
    hydrateRoot(
      root,
      <CacheProvider cache={cache}>
        <App fetcher={fetcher} />
      </CacheProvider>,
      { onRecoverableError: (error) => recoverable.push(error) },
    )
  })
  expect(recoverable).toEqual([])
  expect(calls).toHaveLength(2)
  await act(async () => {
    calls[0]?.resolve('one')
    calls[1]?.resolve('two')
  })
  expect(root.textContent).toBe('onetwooneprefetched')
  expect(calls).toHaveLength(2)
})
