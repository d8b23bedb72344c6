// @vitest-environment node
// Server rendering, where there is no window: the same snapshot as the client's first render,
// and no timer left behind by a provider-made cache.
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { Cache, CacheProvider, useCachedValue, useCacheItem, useCacheKeys } from '../../src/index'

afterEach(() => {
  vi.restoreAllMocks()
})

function Page() {
  const greeting = useCachedValue('greeting', () => 'hello', 60_000)
  const item = useCacheItem<string>('greeting')
  const keys = useCacheKeys()
  return <p>{`${greeting} ${item?.value} ${keys.join(',')}`}</p>
}

it('renderToString renders the values that useCachedValue computes', () => {
  const html = renderToString(
    <CacheProvider>
      <Page />
    </CacheProvider>,
  )
  expect(html).toBe('<p>hello hello greeting</p>')
})

it('reads a given cache as it is', () => {
  const cache = new Cache<string, string>()
  cache.set('greeting', 'bonjour')
  const html = renderToString(
    <CacheProvider cache={cache}>
      <Page />
    </CacheProvider>,
  )
  expect(html).toBe('<p>bonjour bonjour greeting</p>')
})

it('a provider-made cache arms no timer during server rendering', async () => {
  const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout')
  renderToString(
    <CacheProvider defaultTtl={1000}>
      <Page />
    </CacheProvider>,
  )
  await Promise.resolve()
  expect(setTimeoutSpy).not.toHaveBeenCalled()
})
