// A pending getOrCompute entry that is renamed keeps its rules under its new key: its TTL starts
// when it fulfils, and a rejection removes it.
import { expect, it } from 'vitest'
import { Cache } from '../src/core/index'
import { deferred } from './helpers/deferred'
import { FakeClock } from './helpers/fakeClock'

it('a pending entry renamed before it fulfils gets its TTL under the new key, and expires', async () => {
  const clock = new FakeClock(1_000)
  const cache = new Cache<string, Promise<number>>({ clock })
  const request = deferred<number>()
  cache.getOrCompute('a', () => request.promise, 500)
  cache.rename('a', 'b')
  clock.advance(100)
  request.resolve(7)
  await request.promise
  await Promise.resolve()
  expect(cache.getItem('b')?.expiration).toBe(1_600)
  clock.advance(500)
  expect(cache.has('b')).toBe(false)
})

it('a pending entry renamed before it rejects is removed from its new key', async () => {
  const cache = new Cache<string, Promise<number>>()
  const request = deferred<number>()
  cache.getOrCompute('a', () => request.promise, 500)
  cache.rename('a', 'b')
  request.reject(new Error('no'))
  await request.promise.catch(() => {})
  await Promise.resolve()
  expect(cache.has('b')).toBe(false)
})

it('an entry written over the renamed one is left alone when the old Promise settles', async () => {
  const cache = new Cache<string, unknown>()
  const request = deferred<number>()
  cache.getOrCompute('a', () => request.promise, 500)
  cache.rename('a', 'b')
  cache.set('b', 'newer')
  request.reject(new Error('no'))
  await request.promise.catch(() => {})
  await Promise.resolve()
  expect(cache.getItem('b')).toEqual({ value: 'newer', expiration: null })
})
