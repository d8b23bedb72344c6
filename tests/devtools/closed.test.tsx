// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { CacheDevtools } from '../../src/devtools/index'
import { advance, change, fakeTime, labelled, openPanel, settle, toggle } from './panel'

beforeEach(fakeTime)
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

const filled = () => {
  const cache = new Cache<string, number>()
  for (let i = 0; i < 1000; i++) cache.set(`k${i}`, i)
  return cache
}

it('closed, it adds no listener and schedules no timer and no animation frame', async () => {
  const cache = filled()
  const frames = vi.spyOn(window, 'requestAnimationFrame')
  render(<CacheDevtools cache={cache} />)
  expect(labelled('poche devtools')).toHaveProperty('ariaExpanded', 'false')
  expect(openPanel()).toBeNull()
  await advance(5_000)
  cache.set('late', 1, 1_000)
  await advance(2_000)
  expect(cache.listenerCount).toBe(0)
  expect(vi.getTimerCount()).toBe(0)
  expect(frames).not.toHaveBeenCalled()
})

it('opening adds one listener, a poll and the bars loop; closing removes them all', async () => {
  const cache = filled()
  render(<CacheDevtools cache={cache} />)
  toggle()
  await settle()
  // The poll that recounts readers; no bar shows, so no animation frame.
  expect(cache.listenerCount).toBe(1)
  expect(vi.getTimerCount()).toBe(1)

  const frames = vi.spyOn(window, 'requestAnimationFrame')
  await change(() => cache.set('k0', 0, 10_000))
  // Now the cache's own expiry timer, the poll and one animation frame.
  expect(vi.getTimerCount()).toBe(3)
  expect(frames).toHaveBeenCalledTimes(1)
  await advance(100)
  expect(vi.getTimerCount()).toBe(3)

  toggle()
  expect(openPanel()).toBeNull()
  expect(cache.listenerCount).toBe(0)
  // Only the cache's own expiry timer is left.
  expect(vi.getTimerCount()).toBe(1)
  const calls = frames.mock.calls.length
  await advance(1_000)
  expect(frames).toHaveBeenCalledTimes(calls)
})

it('opens at mount with initialIsOpen, and closes without leaving anything behind', async () => {
  const cache = filled()
  cache.set('ttl', 1, 60_000)
  const { unmount } = render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(labelled('poche devtools')).toHaveProperty('ariaExpanded', 'true')
  expect(cache.listenerCount).toBe(1)
  unmount()
  expect(cache.listenerCount).toBe(0)
  expect(vi.getTimerCount()).toBe(1)
})
