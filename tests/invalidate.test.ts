import { describe, expect, it } from 'vitest'
import { Cache, type CacheEvent, dehydrate } from '../src/core/index'
import { deferred, flushPromises } from './helpers/deferred'
import { FakeClock } from './helpers/fakeClock'

const make = () => {
  const clock = new FakeClock()
  const cache = new Cache<string, unknown>({ clock })
  const events: CacheEvent<string>[] = []
  cache.onEvent((event) => events.push(event))
  return { cache, clock, events }
}

describe('cache.invalidate(target?)', () => {
  it('marks one key stale, keeps its value and expiration, and returns how many it marked', () => {
    const { cache, events } = make()
    cache.set('a', 1, 1_000)
    cache.set('b', 2)
    const before = cache.getItem('a')
    expect(cache.invalidate('a')).toBe(1)
    expect(cache.isInvalidated('a')).toBe(true)
    expect(cache.isInvalidated('b')).toBe(false)
    expect(cache.get('a')).toBe(1)
    // A new item (same value and expiration), so that readers comparing items see the change.
    expect(cache.getItem('a')).not.toBe(before)
    expect(cache.getItem('a')).toEqual(before)
    expect(events.at(-1)).toEqual({ type: 'invalidate', key: 'a' })
  })

  it('marks nothing for a missing or expired key', () => {
    const { cache, clock, events } = make()
    cache.set('a', 1, 100)
    clock.jump(100)
    const count = events.length
    expect(cache.invalidate('a')).toBe(0)
    expect(cache.invalidate('nope')).toBe(0)
    expect(events).toHaveLength(count)
    expect(cache.isInvalidated('nope')).toBe(false)
  })

  it('with a predicate marks the matching live entries, with nothing every live entry', () => {
    const { cache } = make()
    cache.set('user:1', 1)
    cache.set('user:2', 2)
    cache.set('post:1', 3)
    expect(cache.invalidate((key, value) => key.startsWith('user:') && value !== 2)).toBe(1)
    expect(cache.keys().filter((key) => cache.isInvalidated(key))).toEqual(['user:1'])
    expect(cache.invalidate()).toBe(3)
    expect(cache.keys().every((key) => cache.isInvalidated(key))).toBe(true)
  })

  it('marks nothing when the predicate throws', () => {
    const { cache, events } = make()
    cache.set('a', 1)
    cache.set('b', 2)
    const count = events.length
    expect(() =>
      cache.invalidate((key) => {
        if (key === 'b') throw new Error('boom')
        return true
      }),
    ).toThrow('boom')
    expect(cache.isInvalidated('a')).toBe(false)
    expect(events).toHaveLength(count)
  })

  it('tells the key’s subscribers after every mark is made', () => {
    const { cache } = make()
    cache.set('a', 1)
    cache.set('b', 2)
    const seen: boolean[] = []
    cache.subscribe('a', () => seen.push(cache.isInvalidated('b')))
    cache.invalidate()
    expect(seen).toEqual([true])
  })

  it('a write of the key clears the mark; expire and persist keep it', () => {
    const { cache } = make()
    cache.set('a', 1)
    cache.invalidate('a')
    cache.expire('a', 500)
    expect(cache.isInvalidated('a')).toBe(true)
    cache.persist('a')
    expect(cache.isInvalidated('a')).toBe(true)
    cache.set('a', 1)
    expect(cache.isInvalidated('a')).toBe(false)
    cache.invalidate('a')
    cache.delete('a')
    cache.getOrSet('a', 5)
    expect(cache.isInvalidated('a')).toBe(false)
  })

  it('a mark follows its entry through rename', () => {
    const { cache } = make()
    cache.set('a', 1)
    cache.invalidate('a')
    cache.rename('a', 'b')
    expect(cache.isInvalidated('b')).toBe(true)
  })

  it('a pending getOrCompute entry marked stale stays marked when it fulfils', async () => {
    const { cache } = make()
    const request = deferred<number>()
    cache.getOrCompute('a', () => request.promise, 1_000)
    expect(cache.invalidate('a')).toBe(1)
    request.resolve(1)
    await flushPromises()
    expect(cache.getItem('a')?.expiration).not.toBeNull()
    expect(cache.isInvalidated('a')).toBe(true)
  })

  it('isInvalidated never changes the cache (safe during a render)', () => {
    const { cache, clock, events } = make()
    cache.set('a', 1, 100)
    cache.invalidate('a')
    clock.jump(100)
    const count = events.length
    expect(cache.isInvalidated('a')).toBe(false)
    expect(events).toHaveLength(count)
  })

  it('a snapshot carries no mark', () => {
    const { cache } = make()
    cache.set('a', 1)
    cache.invalidate()
    const copy = new Cache<string, unknown>()
    expect(dehydrate(cache).entries).toHaveLength(1)
    expect(copy.isInvalidated('a')).toBe(false)
  })
})
