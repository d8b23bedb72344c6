// getItem hands out snapshots: the same object while the entry is unchanged, a new one after any
// change. Entries live in reused slots, so a snapshot must never outlive its entry.
import { describe, expect, it } from 'vitest'
import { Cache } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

const make = (options: { maxSize?: number } = {}) => {
  const clock = new FakeClock()
  return { clock, cache: new Cache<string, number>({ clock, ...options }) }
}

describe('getItem snapshots', () => {
  it('are the same object until the entry changes, and equal what items() lists', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    const first = cache.getItem('a')
    expect(first).toEqual({ value: 1, expiration: clock.time + 100 })
    expect(cache.getItem('a')).toBe(first)
    cache.get('a')
    cache.has('a')
    expect(cache.getItem('a')).toBe(first)
    expect(cache.items()).toEqual([['a', first]])
    expect(cache.items()[0]?.[1]).toBe(first)
  })

  it('are replaced by set (even of the same value), expire and persist', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    const seen = [cache.getItem('a')]
    cache.set('a', 1, 100)
    seen.push(cache.getItem('a'))
    cache.expire('a', 500)
    seen.push(cache.getItem('a'))
    cache.persist('a')
    seen.push(cache.getItem('a'))
    expect(new Set(seen).size).toBe(4)
    expect(seen.map((item) => item?.expiration)).toEqual([clock.time + 100, clock.time + 100, clock.time + 500, null])
  })

  it('follow an entry through rename, which changes neither value nor expiration', () => {
    const { cache } = make()
    cache.set('a', 1, 100)
    const before = cache.getItem('a')
    cache.rename('a', 'b')
    expect(cache.getItem('a')).toBeUndefined()
    expect(cache.getItem('b')).toBe(before)
  })

  it('never show up for another key that reuses a removed entry’s storage', () => {
    const { cache, clock } = make({ maxSize: 2 })
    cache.set('a', 1, 100)
    const a = cache.getItem('a')
    cache.delete('a')
    cache.set('b', 2)
    expect(cache.getItem('b')).not.toBe(a)
    expect(cache.getItem('b')).toEqual({ value: 2, expiration: null })

    const b = cache.getItem('b')
    cache.set('c', 3)
    cache.set('d', 4) // evicts b
    expect(cache.getItem('d')).not.toBe(b)
    expect(cache.getItem('d')).toEqual({ value: 4, expiration: null })

    cache.set('e', 5, 10)
    const e = cache.getItem('e')
    clock.advance(10) // e expires
    cache.set('f', 6)
    expect(cache.getItem('f')).not.toBe(e)
    expect(cache.items()).toEqual([
      ['d', { value: 4, expiration: null }],
      ['f', { value: 6, expiration: null }],
    ])
  })

  it('are dropped by flush; writes after a flush start afresh', () => {
    const { cache } = make()
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i, 50)
    const old = cache.getItem('k0')
    cache.flush()
    expect(cache.getItem('k0')).toBeUndefined()
    cache.set('k0', 7)
    expect(cache.getItem('k0')).not.toBe(old)
    expect(cache.values()).toEqual([7])
  })
})
