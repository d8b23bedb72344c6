import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Cache } from '../src/core/index'
import { deferred } from './helpers/deferred'
import { FakeClock } from './helpers/fakeClock'

const flushMicrotasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

// Any unhandled rejection during a test is a failure of that test.
let unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
beforeEach(() => {
  unhandled = []
  process.on('unhandledRejection', onUnhandled)
})
afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
})

const make = () => {
  const clock = new FakeClock()
  return { clock, cache: new Cache<string, Promise<number>>({ clock }) }
}

describe('getOrCompute with a Promise', () => {
  it('caches the Promise so every caller shares one request', async () => {
    const { cache } = make()
    let calls = 0
    const request = deferred<number>()
    const factory = () => {
      calls++
      return request.promise
    }
    const first = cache.getOrCompute('user', factory)
    const second = cache.getOrCompute('user', factory)
    expect(second).toBe(first)
    expect(calls).toBe(1)
    request.resolve(7)
    expect(await second).toBe(7)
    expect(cache.get('user')).toBe(first)
  })

  it('starts the TTL when the value arrives; a pending entry never expires', async () => {
    const { cache, clock } = make()
    const request = deferred<number>()
    cache.getOrCompute('k', () => request.promise, 100)
    expect(cache.getItem('k')?.expiration).toBeNull()
    expect(clock.pending).toBe(0)
    clock.advance(5000)
    expect(cache.has('k')).toBe(true)
    let told = 0
    cache.subscribe('k', () => told++)
    request.resolve(1)
    await flushMicrotasks()
    expect(told).toBe(1)
    expect(cache.getItem('k')?.expiration).toBe(clock.time + 100)
    clock.advance(99)
    expect(cache.has('k')).toBe(true)
    clock.advance(1)
    expect(cache.has('k')).toBe(false)
  })

  it('removes a rejected Promise so the next call retries, and leaves no unhandled rejection', async () => {
    const { cache } = make()
    const failing = deferred<number>()
    const events: string[] = []
    cache.onEvent((e) => events.push(`${e.type}:${e.key}`))
    const first = cache.getOrCompute('k', () => failing.promise, 100)
    failing.reject(new Error('offline'))
    await expect(first).rejects.toThrow('offline')
    await flushMicrotasks()
    expect(cache.has('k')).toBe(false)
    expect(events).toEqual(['set:k', 'delete:k'])
    const retry = cache.getOrCompute('k', () => Promise.resolve(2), 100)
    expect(retry).not.toBe(first)
    expect(await retry).toBe(2)
    expect(unhandled).toEqual([])
  })

  it('a rejection nobody awaits is still handled by the cache', async () => {
    const { cache } = make()
    cache.getOrCompute('k', () => Promise.reject(new Error('nobody listens')))
    await flushMicrotasks()
    await flushMicrotasks()
    expect(cache.has('k')).toBe(false)
    expect(unhandled).toEqual([])
  })

  it('a rejection removes the entry only while it still holds that same Promise', async () => {
    const { cache } = make()
    const failing = deferred<number>()
    cache.getOrCompute('k', () => failing.promise)
    const replacement = Promise.resolve(5)
    cache.set('k', replacement)
    failing.reject(new Error('late'))
    await flushMicrotasks()
    expect(cache.get('k')).toBe(replacement)
    expect(unhandled).toEqual([])
  })

  it('a fulfilment does not touch an entry that was replaced meanwhile', async () => {
    const { cache, clock } = make()
    const request = deferred<number>()
    cache.getOrCompute('k', () => request.promise, 100)
    const replacement = Promise.resolve(9)
    cache.set('k', replacement, 1000)
    request.resolve(1)
    await flushMicrotasks()
    expect(cache.getItem('k')).toEqual({ value: replacement, expiration: clock.time + 1000 })
  })

  it('an explicit expire() on a pending entry is kept when it fulfils', async () => {
    const { cache, clock } = make()
    const request = deferred<number>()
    cache.getOrCompute('k', () => request.promise, 100)
    cache.expire('k', 5000)
    request.resolve(1)
    await flushMicrotasks()
    expect(cache.getItem('k')?.expiration).toBe(clock.time + 5000)
  })

  it('a pending entry given a TTL and then made permanent again counts as changed: fulfilment keeps it permanent', async () => {
    const { cache } = make()
    const request = deferred<number>()
    cache.getOrCompute('k', () => request.promise, 100)
    cache.expire('k', 5000)
    cache.persist('k')
    request.resolve(1)
    await flushMicrotasks()
    expect(cache.getItem('k')?.expiration).toBeNull()
  })

  it('the very same Promise set again counts as a new entry: a later rejection leaves it', async () => {
    const { cache } = make()
    const request = deferred<number>()
    const promise = cache.getOrCompute('k', () => request.promise, 100)
    cache.set('k', promise)
    request.reject(new Error('late'))
    await flushMicrotasks()
    expect(cache.get('k')).toBe(promise)
    await expect(promise).rejects.toThrow('late')
  })
})
