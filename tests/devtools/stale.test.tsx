// @vitest-environment jsdom
// The panel marks stale entries: invalidated ones, and those older than their readers' staleTime.
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { CacheDevtools } from '../../src/devtools/index'
import { Cache, CacheProvider, useCachedAsync } from '../../src/index'
import { advance, cellsOf, change, fakeTime, settle } from './panel'

beforeEach(fakeTime)
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const staleness = (key: string) => (cellsOf(key).key.textContent?.endsWith(' stale') ? 'stale' : 'fresh')

it('shows the keys that are invalidated, or older than their readers’ staleTime', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('price', 10)
  cache.set('note', 'x')
  function Prices() {
    useCachedAsync('price', async () => 11, { staleTime: 5_000, refetchOnFocus: false })
    return null
  }
  render(
    <CacheProvider cache={cache}>
      <Prices />
      <CacheDevtools initialIsOpen />
    </CacheProvider>,
  )
  await settle()
  expect([staleness('price'), staleness('note')]).toEqual(['fresh', 'fresh'])
  await change(() => cache.invalidate('note'))
  expect([staleness('price'), staleness('note')]).toEqual(['fresh', 'stale'])
  // The panel looks again every second.
  await advance(5_000)
  expect([staleness('price'), staleness('note')]).toEqual(['stale', 'stale'])
  await change(() => cache.set('note', 'y'))
  expect(staleness('note')).toBe('fresh')
})
