// The function syncTabs returns stops everything: the channel is closed, the cache's listener
// removed, and nothing more is sent or applied.
import { afterEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { syncTabs } from '../../src/persist/index'
import { installBus } from './fakes'

afterEach(() => {
  vi.unstubAllGlobals()
})

it('stop() closes the channel and leaves the tab alone', async () => {
  const bus = installBus()
  const a = new Cache<string, unknown>()
  const b = new Cache<string, unknown>()
  const stopA = syncTabs(a)
  const stopB = syncTabs(b)
  await bus.drain()
  expect(a.listenerCount).toBe(1)
  stopA()
  expect(a.listenerCount).toBe(0)
  const posted = bus.posted.length
  a.set('from a', 1)
  b.set('from b', 1)
  await bus.drain()
  expect(bus.posted.length).toBe(posted + 1)
  expect(a.has('from b')).toBe(false)
  expect(b.has('from a')).toBe(false)
  stopA()
  stopB()
})

it('uses the channel named by `channel`; tabs on other channels are not synced', async () => {
  const bus = installBus()
  const a = new Cache<string, unknown>()
  const b = new Cache<string, unknown>()
  const c = new Cache<string, unknown>()
  const stops = [syncTabs(a, { channel: 'shop' }), syncTabs(b, { channel: 'shop' }), syncTabs(c)]
  a.set('cart', [1])
  await bus.drain()
  expect(b.get('cart')).toEqual([1])
  expect(c.has('cart')).toBe(false)
  for (const stop of stops) stop()
})
