// Writes are coalesced: a burst of sets costs one setItem, writes are at least `throttle` ms apart,
// nothing is written in the middle of the app's synchronous code, and flush() writes at once.
import { expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { persistCache } from '../../src/persist/index'
import { FakeStorage } from './fakes'
import { pendingWrite, persisted, setUpFakeTimers } from './pages'

setUpFakeTimers()

it('a burst of 1,000 sets costs at most 2 setItem calls, and the record holds all of them', () => {
  const { storage, cache } = persisted<number>()
  for (let i = 0; i < 1_000; i++) cache.set(`k${i}`, i, 60_000)
  expect(storage.setCalls).toBe(0) // not in the middle of the app's code
  vi.advanceTimersByTime(1_000)
  expect(storage.setCalls).toBeLessThanOrEqual(2)
  expect(storage.record().snapshot.entries).toHaveLength(1_000)
})

it('a burst spread over time writes at most once per throttle period', () => {
  const { storage, cache } = persisted<number>({ throttle: 100 })
  for (let i = 0; i < 1_000; i++) {
    cache.set('counter', i)
    vi.advanceTimersByTime(1)
  }
  vi.advanceTimersByTime(100)
  // 1,000 ms of changes: one write at the start, then one per 100 ms.
  expect(storage.setCalls).toBeLessThanOrEqual(11)
  expect(storage.record().snapshot.entries).toEqual([['counter', 999, null]])
})

it('writes at once after a quiet period, then waits for the throttle before the next one', () => {
  const { storage, cache } = persisted<number>({ throttle: 100 })
  cache.set('a', 1)
  vi.advanceTimersByTime(0)
  expect(storage.setCalls).toBe(1)
  vi.advanceTimersByTime(10)
  cache.set('a', 2)
  vi.advanceTimersByTime(89)
  expect(storage.setCalls).toBe(1)
  vi.advanceTimersByTime(1)
  expect(storage.setCalls).toBe(2)
  expect(storage.record().snapshot.entries).toEqual([['a', 2, null]])
})

it('throttle 0 still writes a synchronous burst once', () => {
  const { storage, cache } = persisted<number>({ throttle: 0 })
  for (let i = 0; i < 100; i++) cache.set('a', i)
  vi.advanceTimersByTime(0)
  expect(storage.setCalls).toBe(1)
})

it('flush() writes pending changes at once and cancels the timer; with nothing pending it writes nothing', () => {
  const { storage, persistence } = pendingWrite(10_000)
  persistence.flush()
  expect(storage.setCalls).toBe(2)
  expect(storage.record().snapshot.entries).toEqual([['a', 2, null]])
  expect(vi.getTimerCount()).toBe(0)
  persistence.flush()
  vi.advanceTimersByTime(20_000)
  expect(storage.setCalls).toBe(2)
})

it('every change kind is written: delete, expire(), persist(), rename(), flush(), eviction', () => {
  const { storage, cache, persistence } = persisted<number>({}, { maxSize: 2 })
  const entries = () => {
    persistence.flush()
    // By key: with maxSize, the record lists entries least recently used first.
    return storage.record().snapshot.entries.sort(([a], [b]) => String(a).localeCompare(String(b)))
  }
  const now = Date.now()
  cache.set('a', 1)
  cache.set('b', 2)
  expect(entries()).toEqual([
    ['a', 1, null],
    ['b', 2, null],
  ])
  cache.expire('a', 5_000)
  expect(entries()).toEqual([
    ['a', 1, now + 5_000],
    ['b', 2, null],
  ])
  cache.persist('a')
  expect(entries()).toEqual([
    ['a', 1, null],
    ['b', 2, null],
  ])
  cache.rename('a', 'c')
  expect(entries()).toEqual([
    ['b', 2, null],
    ['c', 1, null],
  ])
  cache.get('c')
  cache.set('d', 4) // evicts b, the least recently used
  expect(entries()).toEqual([
    ['c', 1, null],
    ['d', 4, null],
  ])
  cache.delete('c')
  expect(entries()).toEqual([['d', 4, null]])
  cache.flush()
  expect(entries()).toEqual([])
})

it('expiry alone writes nothing (a reload skips the expired entry anyway)', () => {
  const { storage, cache } = persisted<number>()
  cache.set('a', 1, 1_000)
  vi.advanceTimersByTime(0)
  expect(storage.setCalls).toBe(1)
  vi.advanceTimersByTime(5_000)
  expect(cache.has('a')).toBe(false)
  expect(storage.setCalls).toBe(1)
})

it('no delay given to setTimeout exceeds 2,147,483,647 ms, and none is pending when nothing changed', () => {
  const storage = new FakeStorage()
  const cache = new Cache<string, number>()
  const spy = vi.spyOn(globalThis, 'setTimeout')
  persistCache(cache, { name: 'app', storage, throttle: 2_147_483_647 })
  expect(vi.getTimerCount()).toBe(0)
  cache.set('a', 1)
  vi.advanceTimersByTime(0)
  cache.set('a', 2)
  for (const call of spy.mock.calls) expect(call[1] ?? 0).toBeLessThanOrEqual(2_147_483_647)
  expect(spy).toHaveBeenCalledTimes(2)
})
