// A value that cannot be serialized is left out and named (once per key); the other entries are
// written; the cache in memory keeps it.
import { expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { type PersistedCache, persistCache } from '../../src/persist/index'
import { FakeStorage } from './fakes'
import { setUpFakeTimers } from './pages'

setUpFakeTimers()

it('a BigInt and a cycle are left out and named, each once; the other entries are written', () => {
  const storage = new FakeStorage()
  const onError = vi.fn()
  const cache = new Cache<string, unknown>()
  persistCache(cache, { name: 'app', storage, onError })
  const loop: Record<string, unknown> = {}
  loop.self = loop
  cache.set('before', 1)
  cache.set('big', 10n)
  cache.set('loop', loop)
  cache.set('after', 2)
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([
    ['before', 1, null],
    ['after', 2, null],
  ])
  expect(onError).toHaveBeenCalledTimes(2)
  const [big, cyclic] = onError.mock.calls.map(([error]) => error as Error)
  expect(big).toBeInstanceOf(TypeError)
  expect(big?.message).toContain('"big"')
  expect(cyclic?.message).toContain('"loop"')

  cache.set('after', 3)
  vi.advanceTimersByTime(1_000)
  expect(onError).toHaveBeenCalledTimes(2)
  expect(cache.get('big')).toBe(10n)
  expect(cache.get('loop')).toBe(loop)
})

it('with a serialize of the app’s that throws for some values, those are left out and the rest written', () => {
  const storage = new FakeStorage()
  const onError = vi.fn()
  const cache = new Cache<string, unknown>()
  const serialize = (record: PersistedCache<string, unknown>) => {
    for (const [, value] of record.snapshot.entries) if (value instanceof Date) throw new TypeError('no dates')
    return JSON.stringify(record)
  }
  persistCache(cache, { name: 'app', storage, onError, serialize })
  cache.set('when', new Date(0))
  cache.set('what', 'party')
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([['what', 'party', null]])
  expect(onError).toHaveBeenCalledTimes(1)
  expect(String(onError.mock.calls[0]?.[0])).toMatch(/"when".*no dates/)
})

it('a serialize that throws for every record is reported once as a failed write', () => {
  const storage = new FakeStorage()
  const onError = vi.fn()
  const cache = new Cache<string, unknown>()
  const broken = new Error('serializer down')
  persistCache(cache, {
    name: 'app',
    storage,
    onError,
    serialize: () => {
      throw broken
    },
  })
  cache.set('a', 1)
  vi.advanceTimersByTime(1_000)
  cache.set('b', 1)
  vi.advanceTimersByTime(1_000)
  expect(storage.data.has('app')).toBe(false)
  // Each entry named once, and the empty record that is left fails as a write.
  expect(onError.mock.calls.map(([error]) => error)).toContain(broken)
  expect(onError.mock.calls.filter(([error]) => error === broken)).toHaveLength(1)
  expect(cache.keys()).toEqual(['a', 'b'])
})
