// Pending Promises are never written; a Promise's fulfilled value is written when it arrives (with
// the TTL counted from then), and a rejected one never is.
import { expect, it, vi } from 'vitest'
import { deferred, flushPromises } from '../helpers/deferred'
import { persisted, setUpFakeTimers } from './pages'

const start = 1_700_000_000_000
setUpFakeTimers(start)

it('a pending getOrCompute entry is not written; its value is, once it arrives, with the TTL from then', async () => {
  const { storage, cache } = persisted()
  const request = deferred<number>()
  cache.set('plain', 1)
  cache.getOrCompute('fetched', () => request.promise, 5_000)
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([['plain', 1, null]])

  request.resolve(42)
  await flushPromises()
  vi.advanceTimersByTime(100)
  expect(storage.record().snapshot.entries).toEqual([
    ['plain', 1, null],
    ['fetched', 42, start + 1_000 + 5_000],
  ])
})

it('a Promise stored with set() is written with its value when it fulfils', async () => {
  const { storage, cache } = persisted()
  const request = deferred<string>()
  cache.set('p', request.promise, 60_000)
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([])
  request.resolve('done')
  await flushPromises()
  vi.advanceTimersByTime(100)
  expect(storage.record().snapshot.entries).toEqual([['p', 'done', start + 60_000]])
})

it('a rejected Promise is never written, and the other entries are', async () => {
  const { storage, cache } = persisted()
  const request = deferred<number>()
  cache.getOrCompute('failing', () => request.promise, 5_000)
  cache.set('kept', 'yes')
  request.reject(new Error('offline'))
  await flushPromises()
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([['kept', 'yes', null]])
})

it('a Promise that fulfils after its entry was replaced writes the replacement only', async () => {
  const { storage, cache } = persisted()
  const request = deferred<number>()
  cache.getOrCompute('k', () => request.promise, 5_000)
  cache.set('k', 7)
  request.resolve(1)
  await flushPromises()
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([['k', 7, null]])
})
