// Invalid arguments throw a TypeError or RangeError that names the argument and its value, and
// change nothing: no listener on the cache, no storage access, no channel opened.
import { afterEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { persistCache, syncTabs } from '../../src/persist/index'
import { FakeStorage, installBus } from './fakes'

afterEach(() => {
  vi.unstubAllGlobals()
})

const bad = (options: Record<string, unknown>) => ({ name: 'app', storage: new FakeStorage(), ...options })

it.each([
  ['no options', undefined, TypeError, /name must be a non-empty string, got undefined/],
  ['a missing name', { name: undefined }, TypeError, /name.*got undefined/],
  ['an empty name', { name: '' }, TypeError, /name.*got ""/],
  ['a name that is not a string', { name: 7 }, TypeError, /name.*got 7/],
  ['a storage without setItem', { storage: { getItem() {}, removeItem() {} } }, TypeError, /storage\.setItem|setItem/],
  ['a version that is a string', { version: '1' }, TypeError, /version.*got "1"/],
  ['a negative version', { version: -1 }, RangeError, /version.*got -1/],
  ['a negative throttle', { throttle: -5 }, RangeError, /throttle.*got -5/],
  ['a NaN throttle', { throttle: Number.NaN }, RangeError, /throttle.*got NaN/],
  ['a throttle past the longest timer', { throttle: 2_147_483_648 }, RangeError, /throttle.*2147483648/],
  ['a serialize that is not a function', { serialize: 'json' }, TypeError, /serialize must be a function, got "json"/],
  ['a deserialize that is not a function', { deserialize: 1 }, TypeError, /deserialize.*got 1/],
  ['a migrate that is not a function', { migrate: {} }, TypeError, /migrate.*an object/],
  ['a filter that is not a function', { filter: true }, TypeError, /filter.*true/],
  ['an onError that is not a function', { onError: 'log' }, TypeError, /onError.*"log"/],
])('persistCache refuses %s and changes nothing', (_, options, type, message) => {
  const cache = new Cache<string, number>()
  const storage = new FakeStorage()
  storage.data.set('app', '{"version":0,"snapshot":{"version":1,"entries":[["a",1,null]]}}')
  const given = options === undefined ? undefined : bad({ storage, ...options })
  expect(() => persistCache(cache, given as never)).toThrow(type)
  expect(() => persistCache(cache, given as never)).toThrow(message)
  expect(cache.listenerCount).toBe(0)
  expect(cache.size).toBe(0)
})

it('persistCache and syncTabs refuse something that is not a cache', () => {
  expect(() => persistCache({} as never, { name: 'app', storage: new FakeStorage() })).toThrow(/cache\.onEvent/)
  expect(() => syncTabs(undefined as never)).toThrow(TypeError)
})

it.each([
  ['an empty channel name', { channel: '' }, /channel must be a non-empty string, got ""/],
  ['a channel name that is not a string', { channel: 1 }, /channel.*got 1/],
  ['an onError that is not a function', { onError: 1 }, /onError must be a function, got 1/],
])('syncTabs refuses %s and opens nothing', (_, options, message) => {
  const bus = installBus()
  const cache = new Cache<string, number>()
  expect(() => syncTabs(cache, options as never)).toThrow(TypeError)
  expect(() => syncTabs(cache, options as never)).toThrow(message)
  expect(cache.listenerCount).toBe(0)
  expect(bus.posted).toHaveLength(0)
})
