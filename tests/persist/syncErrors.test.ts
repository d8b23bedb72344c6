// A missing BroadcastChannel, and a value that cannot be cloned, never throw into the app: each is
// reported once (onError, or console.error without it), and the rest keeps working.
import { expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { syncTabs } from '../../src/persist/index'
import { recordConsoleErrors } from './fakes'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()

const openTab = (onError?: (error: unknown) => void) => tabs.sync(new Cache<string, unknown>(), { onError })

it('without BroadcastChannel it reports once and returns a stop that does nothing; the cache works', () => {
  vi.stubGlobal('BroadcastChannel', undefined)
  const onError = vi.fn()
  const cache = new Cache<string, number>()
  const stop = syncTabs(cache, { onError })
  cache.set('a', 1)
  cache.delete('a')
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(Error)
  expect(cache.listenerCount).toBe(0)
  expect(() => stop()).not.toThrow()
})

it('without BroadcastChannel and without onError, console.error tells it once', () => {
  vi.stubGlobal('BroadcastChannel', undefined)
  const calls = recordConsoleErrors()
  syncTabs(new Cache())
  expect(calls).toHaveLength(1)
  expect(calls[0]?.[0]).toBe('poche/persist:')
})

it('a value that cannot be cloned is not sent and is named, once per key; other keys still cross', async () => {
  const onError = vi.fn()
  const a = openTab(onError)
  const b = openTab()
  a.set('callback', () => 1)
  a.set('callback', () => 2)
  a.set('plain', 1)
  await tabs.bus.drain()
  expect(b.keys()).toEqual(['plain'])
  expect(onError).toHaveBeenCalledTimes(1)
  const error = onError.mock.calls[0]?.[0] as Error
  expect(error).toBeInstanceOf(TypeError)
  expect(error.message).toContain('"callback"')
  expect(a.get('plain')).toBe(1)
})

it('an answer to a late tab holding a value that cannot be cloned still brings the other entries', async () => {
  const onError = vi.fn()
  const a = new Cache<string, unknown>()
  a.set('fn', () => 1)
  a.set('x', 1)
  a.set('y', 2)
  tabs.sync(a, { onError })
  const late = openTab()
  await tabs.bus.drain()
  expect(late.keys()).toEqual(['x', 'y'])
  expect(onError).toHaveBeenCalledTimes(1)
  expect(String(onError.mock.calls[0]?.[0])).toContain('"fn"')
})
