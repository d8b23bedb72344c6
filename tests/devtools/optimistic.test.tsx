// @vitest-environment jsdom
// The panel marks optimistic entries and counts the pending mutations (open optimistic layers).
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { beginOptimistic, Cache } from '../../src/core/index'
import { advance, cellsOf, change, fakeTime, figure, renderOpen } from './panel'

beforeEach(fakeTime)
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

it('marks the entries a pending mutation shows, and counts the pending mutations', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', 1)
  cache.set('b', 2)
  await renderOpen(cache)
  expect(figure('pending mutations')).toBe('0')
  const layer = beginOptimistic(cache)
  await change(() => layer.set('a', 5))
  await advance(1_000) // counted again each second
  expect(figure('pending mutations')).toBe('1')
  expect(cellsOf('a').key?.textContent).toBe('a optimistic')
  expect(cellsOf('b').key?.textContent).toBe('b')
  await change(() => layer.remove())
  await advance(1_000)
  expect(figure('pending mutations')).toBe('0')
  expect(cellsOf('a').key?.textContent).toBe('a')
})
