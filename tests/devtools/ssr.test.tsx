// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { CacheDevtools } from '../../src/devtools/index'
import { Cache, CacheProvider } from '../../src/index'

afterEach(() => {
  vi.unstubAllEnvs()
})

it('renders only its empty host on the server, even outside any provider, and touches no cache', () => {
  expect(typeof window).toBe('undefined')
  expect(renderToString(<CacheDevtools initialIsOpen />)).toBe('<div data-poche-devtools=""></div>')
  const cache = new Cache()
  cache.set('a', 1, 1_000)
  const html = renderToString(
    <CacheProvider cache={cache}>
      <CacheDevtools initialIsOpen />
    </CacheProvider>,
  )
  expect(html).toBe('<div data-poche-devtools=""></div>')
  expect(cache.listenerCount).toBe(0)
})

it('renders nothing on the server in production', () => {
  vi.stubEnv('NODE_ENV', 'production')
  expect(renderToString(<CacheDevtools cache={new Cache()} />)).toBe('')
})
