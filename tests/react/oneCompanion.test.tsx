// @vitest-environment jsdom
// What the hooks keep per cache (here, the shared key list) is one object for one cache, however
// many providers of that cache are nested, and the default cache's when a provider is given it.
import { act, render } from '@testing-library/react'
import { expect, it } from 'vitest'
import { Cache, CacheProvider, defaultCache, useCacheKeys } from '../../src/index'

function collect() {
  const seen = new Map<string, unknown[]>()
  function Keys({ id }: { id: string }) {
    seen.set(id, useCacheKeys())
    return null
  }
  return { seen, Keys }
}

it('nested providers of one cache share its key list', () => {
  const cache = new Cache<string, number>()
  cache.set('a', 1)
  const { seen, Keys } = collect()
  render(
    <CacheProvider cache={cache}>
      <Keys id="outer" />
      <CacheProvider cache={cache}>
        <Keys id="inner" />
      </CacheProvider>
    </CacheProvider>,
  )
  expect(seen.get('outer')).toEqual(['a'])
  expect(seen.get('inner')).toBe(seen.get('outer'))
  act(() => cache.set('b', 2))
  expect(seen.get('outer')).toEqual(['a', 'b'])
  expect(seen.get('inner')).toBe(seen.get('outer'))
})

it('a provider given the default cache shares the key list of the hooks outside any provider', () => {
  defaultCache.flush()
  defaultCache.set('x', 1)
  const { seen, Keys } = collect()
  render(
    <>
      <CacheProvider cache={defaultCache}>
        <Keys id="provided" />
      </CacheProvider>
      <CacheProvider cache={new Cache()}>
        <Keys id="other" />
      </CacheProvider>
    </>,
  )
  render(<Keys id="outside" />)
  expect(seen.get('provided')).toEqual(['x'])
  expect(seen.get('outside')).toBe(seen.get('provided'))
  expect(seen.get('other')).toEqual([])
  act(() => defaultCache.flush())
})
