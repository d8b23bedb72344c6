// A reload restores every live entry with its remaining TTL: expirations are absolute clock times,
// so an entry that expired while the page was closed stays gone, and an entry written before
// hydration wins over the stored one.
import { expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { type PersistOptions, persistCache } from '../../src/persist/index'
import { FakeStorage } from './fakes'
import { setUpFakeTimers } from './pages'

const start = 1_700_000_000_000
setUpFakeTimers(start)

/** A page: a cache persisted to `storage` under the name 'app'. */
const openPage = (storage: FakeStorage, options: Partial<PersistOptions<string, unknown>> = {}) => {
  const cache = new Cache<string, unknown>()
  const persistence = persistCache(cache, { name: 'app', storage, ...options })
  return { cache, persistence }
}

it('stores the app version and a snapshot of the live entries, expirations in absolute clock ms', () => {
  const storage = new FakeStorage()
  const { cache } = openPage(storage)
  cache.set('user', { id: 7 }, 60_000)
  cache.set('theme', 'dark', Infinity)
  vi.advanceTimersByTime(0)
  expect(storage.data.get('app')).toBe(
    `{"version":0,"snapshot":{"version":1,"entries":[["user",{"id":7},${start + 60_000}],["theme","dark",null]]}}`,
  )
})

it('a reload restores every live entry with what is left of its TTL', () => {
  const storage = new FakeStorage()
  const first = openPage(storage)
  first.cache.set('short', 1, 10_000)
  first.cache.set('long', { deep: [1, 2] }, 60_000)
  first.cache.set('forever', 'x', Infinity)
  vi.advanceTimersByTime(0)
  first.persistence.stop()

  vi.advanceTimersByTime(4_000) // the page is closed for 4 s
  const second = openPage(storage)
  expect(second.cache.items()).toEqual([
    ['short', { value: 1, expiration: start + 10_000 }],
    ['long', { value: { deep: [1, 2] }, expiration: start + 60_000 }],
    ['forever', { value: 'x', expiration: null }],
  ])
  vi.advanceTimersByTime(6_000) // 10 s after the first set: 'short' expires on time
  expect(second.cache.keys()).toEqual(['long', 'forever'])
})

it('an entry that expired while the page was closed is not restored, and leaves storage at the next write', () => {
  const storage = new FakeStorage()
  const first = openPage(storage)
  first.cache.set('soon', 1, 1_000)
  first.cache.set('later', 2, 60_000)
  vi.advanceTimersByTime(0)
  first.persistence.stop()

  vi.setSystemTime(start + 5_000)
  const second = openPage(storage)
  expect(second.cache.keys()).toEqual(['later'])
  expect(second.cache.has('soon')).toBe(false)
  vi.advanceTimersByTime(0)
  expect(storage.record().snapshot.entries).toEqual([['later', 2, start + 60_000]])
})

it('an entry written before hydration wins over the stored one; the others are restored', () => {
  const storage = new FakeStorage()
  const first = openPage(storage)
  first.cache.set('a', 'stored')
  first.cache.set('b', 'stored')
  vi.advanceTimersByTime(0)
  first.persistence.stop()

  const cache = new Cache<string, unknown>()
  cache.set('a', 'fresh')
  persistCache(cache, { name: 'app', storage })
  expect(cache.get('a')).toBe('fresh')
  expect(cache.get('b')).toBe('stored')
  vi.advanceTimersByTime(0)
  expect(storage.record().snapshot.entries).toEqual([
    ['a', 'fresh', null],
    ['b', 'stored', null],
  ])
})

it('hydration announces the restored keys once each and writes nothing back when nothing was dropped', () => {
  const storage = new FakeStorage()
  const first = openPage(storage)
  first.cache.set('a', 1)
  first.cache.set('b', 2)
  vi.advanceTimersByTime(0)
  first.persistence.stop()
  const writes = storage.setCalls

  const cache = new Cache<string, unknown>()
  const heard: string[] = []
  cache.subscribe('a', () => heard.push('a'))
  persistCache(cache, { name: 'app', storage })
  expect(heard).toEqual(['a'])
  vi.advanceTimersByTime(1_000)
  expect(storage.setCalls).toBe(writes)
})

it('numbers as keys come back as numbers', () => {
  const storage = new FakeStorage()
  const first = new Cache<number, string>()
  persistCache(first, { name: 'app', storage })
  first.set(1, 'one')
  vi.advanceTimersByTime(0)
  const second = new Cache<number, string>()
  persistCache(second, { name: 'app', storage })
  expect(second.get(1)).toBe('one')
})
