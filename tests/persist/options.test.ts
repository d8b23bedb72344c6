// filter, skipHydration with a manual hydrate(), clear(), stop(), and a serialize/deserialize pair
// of the app's.
import { expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { type PersistedCache, persistCache } from '../../src/persist/index'
import { FakeStorage } from './fakes'
import { setUpFakeTimers } from './pages'

setUpFakeTimers()

const storedRecord = (entries: [string, unknown, number | null][]) => {
  const storage = new FakeStorage()
  storage.data.set('app', JSON.stringify({ version: 0, snapshot: { version: 1, entries } }))
  return storage
}

it('filter chooses the entries stored, and sees the value of a fulfilled Promise', async () => {
  const storage = new FakeStorage()
  const cache = new Cache<string, unknown>()
  const seen: unknown[] = []
  persistCache(cache, {
    name: 'app',
    storage,
    filter: (key, value) => {
      seen.push(value)
      return !key.startsWith('secret:')
    },
  })
  cache.set('public', 1)
  cache.set('secret:token', 'abc')
  cache.getOrCompute('fetched', () => Promise.resolve('v'))
  await Promise.resolve()
  await vi.advanceTimersByTimeAsync(1_000)
  expect(storage.record().snapshot.entries.map(([key]) => key)).toEqual(['public', 'fetched'])
  expect(seen).toContain('v')
})

it('skipHydration reads nothing and writes nothing until hydrate(); then stored entries join those written meanwhile', () => {
  const storage = storedRecord([
    ['a', 'stored', null],
    ['b', 'stored', null],
  ])
  const cache = new Cache<string, unknown>()
  const persistence = persistCache(cache, { name: 'app', storage, skipHydration: true })
  expect(cache.size).toBe(0)
  cache.set('a', 'fresh')
  cache.set('c', 'fresh')
  vi.advanceTimersByTime(1_000)
  persistence.flush()
  expect(storage.setCalls).toBe(0) // the stored record is not replaced by a cache that has not read it
  persistence.hydrate()
  expect(cache.get('a')).toBe('fresh')
  expect(cache.get('b')).toBe('stored')
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([
    ['a', 'fresh', null],
    ['c', 'fresh', null],
    ['b', 'stored', null],
  ])
})

it('clear() removes the record and drops the pending write; later changes are written again', () => {
  const storage = new FakeStorage()
  const cache = new Cache<string, unknown>()
  const persistence = persistCache(cache, { name: 'app', storage })
  cache.set('a', 1)
  vi.advanceTimersByTime(1_000)
  cache.set('b', 2)
  persistence.clear()
  expect(storage.data.has('app')).toBe(false)
  vi.advanceTimersByTime(1_000)
  expect(storage.data.has('app')).toBe(false)
  expect(cache.keys()).toEqual(['a', 'b'])
  cache.set('c', 3)
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries.map(([key]) => key)).toEqual(['a', 'b', 'c'])
})

it('stop() stops everything: no write, no timer, no listener on the cache, hydrate() and flush() do nothing', () => {
  const storage = storedRecord([['a', 'stored', null]])
  const cache = new Cache<string, unknown>()
  const persistence = persistCache(cache, { name: 'app', storage, skipHydration: true })
  expect(cache.listenerCount).toBe(1)
  cache.set('b', 1)
  persistence.stop()
  expect(cache.listenerCount).toBe(0)
  persistence.hydrate()
  expect(cache.has('a')).toBe(false)
  cache.set('c', 1)
  persistence.flush()
  vi.advanceTimersByTime(1_000)
  expect(vi.getTimerCount()).toBe(0)
  expect(storage.setCalls).toBe(0)
})

it('a serialize/deserialize pair of the app’s is used both ways (here: Dates kept as Dates)', () => {
  const storage = new FakeStorage()
  const serialize = (record: PersistedCache<string, unknown>) =>
    JSON.stringify(record, function (key, value) {
      const raw = (this as Record<string, unknown>)[key]
      return raw instanceof Date ? { $date: raw.getTime() } : value
    })
  const deserialize = (text: string) =>
    JSON.parse(text, (_, value) => (value && typeof value.$date === 'number' ? new Date(value.$date) : value))
  const first = new Cache<string, unknown>()
  persistCache(first, { name: 'app', storage, serialize, deserialize })
  first.set('when', new Date(86_400_000))
  vi.advanceTimersByTime(1_000)
  expect(storage.data.get('app')).toContain('$date')
  const second = new Cache<string, unknown>()
  persistCache(second, { name: 'app', storage, serialize, deserialize })
  expect(second.get('when')).toEqual(new Date(86_400_000))
})

it('sessionStorage-like storage under another name keeps its own record', () => {
  const storage = new FakeStorage()
  const one = new Cache<string, number>()
  const two = new Cache<string, number>()
  persistCache(one, { name: 'one', storage })
  persistCache(two, { name: 'two', storage })
  one.set('a', 1)
  two.set('a', 2)
  vi.advanceTimersByTime(1_000)
  expect(storage.record('one').snapshot.entries).toEqual([['a', 1, null]])
  expect(storage.record('two').snapshot.entries).toEqual([['a', 2, null]])
})
