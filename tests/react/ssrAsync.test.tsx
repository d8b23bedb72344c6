// @vitest-environment node
// useCachedAsync during a server render (no window): a key not in the cache renders pending,
// starts no request and arms no timer (no retry, no interval, no listener); a cached key renders its data.
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { Cache, CacheProvider, useCachedAsync } from '../../src/index'

afterEach(() => {
  vi.restoreAllMocks()
})

const options = { ttl: 60_000, staleTime: 0, refetchInterval: 1_000, retry: 5 }

function Item({ id, fetcher }: { id: string; fetcher: () => Promise<string> }) {
  const { data, status, isFetching } = useCachedAsync(`item:${id}`, fetcher, options)
  return <li>{`${status} ${String(data)} ${isFetching}`}</li>
}

it('renders pending for a key not in the cache, without a request or a timer', async () => {
  const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout')
  const setIntervalSpy = vi.spyOn(globalThis, 'setInterval')
  const fetcher = vi.fn(() => Promise.resolve('fetched'))
  const cache = new Cache({ clock: { now: () => 0, setTimeout: vi.fn(), clearTimeout: vi.fn() } })
  cache.set('item:1', 'cached')
  const html = renderToString(
    <CacheProvider cache={cache}>
      <Item id="1" fetcher={fetcher} />
      <Item id="2" fetcher={fetcher} />
    </CacheProvider>,
  )
  expect(html).toBe('<li>success cached false</li><li>pending undefined false</li>')
  await new Promise((resolve) => setImmediate(resolve))
  expect(fetcher).not.toHaveBeenCalled()
  expect(cache.has('item:2')).toBe(false)
  expect(setTimeoutSpy).not.toHaveBeenCalled()
  expect(setIntervalSpy).not.toHaveBeenCalled()
  expect(cache.clock.setTimeout).not.toHaveBeenCalled()
})

it('a provider-made cache renders the same, and a stale cached key is not refetched on the server', async () => {
  const fetcher = vi.fn(() => Promise.resolve('fetched'))
  const html = renderToString(
    <CacheProvider snapshot={{ version: 1, entries: [['item:1', 'cached', null]] }}>
      <Item id="1" fetcher={fetcher} />
    </CacheProvider>,
  )
  expect(html).toBe('<li>success cached false</li>')
  expect(fetcher).not.toHaveBeenCalled()
})
