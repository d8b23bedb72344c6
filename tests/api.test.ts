import { describe, expect, it } from 'vitest'
import { Cache, type CacheItem, KeyError } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

const make = <V = number>(options: ConstructorParameters<typeof Cache>[0] = {}) => {
  const clock = new FakeClock()
  return { clock, cache: new Cache<string, V>({ clock, ...options }) }
}

describe('set and get', () => {
  it('stores and returns values; a missing key throws KeyError with the key', () => {
    const { cache } = make()
    cache.set('a', 1)
    expect(cache.get('a')).toBe(1)
    const error = (() => {
      try {
        cache.get('b')
      } catch (e) {
        return e
      }
    })() as KeyError<string>
    expect(error).toBeInstanceOf(KeyError)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('KeyError')
    expect(error.key).toBe('b')
    expect(error.message).toContain('"b"')
  })

  it('overwrites a value and keeps the key in its place', () => {
    const { cache } = make()
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('a', 3)
    expect(cache.get('a')).toBe(3)
    expect(cache.keys()).toEqual(['a', 'b'])
  })

  it('compares keys like a Map: NaN equals NaN, +0 equals -0, objects by identity', () => {
    const cache = new Cache<unknown, string>()
    const object = {}
    cache.set(Number.NaN, 'nan')
    cache.set(-0, 'zero')
    cache.set(object, 'object')
    cache.set(undefined, 'undefined')
    expect(cache.get(Number.NaN)).toBe('nan')
    expect(cache.get(0)).toBe('zero')
    expect(cache.get(object)).toBe('object')
    expect(cache.has({})).toBe(false)
    expect(cache.get(undefined)).toBe('undefined')
    cache.rename(Number.NaN, Number.NaN)
    expect(cache.get(Number.NaN)).toBe('nan')
  })

  it('stores undefined and null as values', () => {
    const { cache } = make<unknown>()
    cache.set('u', undefined)
    cache.set('n', null)
    expect(cache.has('u')).toBe(true)
    expect(cache.get('u')).toBeUndefined()
    expect(cache.get('n')).toBeNull()
    expect(cache.getItem('u')).toEqual({ value: undefined, expiration: null })
  })
})

describe('has and getItem', () => {
  it('has() tells whether a live entry exists', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    expect(cache.has('a')).toBe(true)
    expect(cache.has('z')).toBe(false)
    clock.jump(100)
    expect(cache.has('a')).toBe(false)
  })

  it('getItem() returns the value with its expiration, or undefined, and never throws', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 250)
    cache.set('b', 2)
    expect(cache.getItem('a')).toEqual<CacheItem<number>>({ value: 1, expiration: clock.time + 250 })
    expect(cache.getItem('b')).toEqual({ value: 2, expiration: null })
    expect(cache.getItem('missing')).toBeUndefined()
  })

  it('getItem() reports an expired entry missing without removing it or announcing anything', () => {
    const { cache, clock } = make()
    const events: string[] = []
    cache.onEvent((e) => events.push(e.type))
    cache.set('a', 1, 10)
    clock.jump(10)
    expect(cache.getItem('a')).toBeUndefined()
    expect(events).toEqual(['set'])
    expect(cache.has('a')).toBe(false)
    expect(events).toEqual(['set', 'expire'])
  })
})

describe('getOrSet', () => {
  it('returns the live value or stores the given one', () => {
    const { cache, clock } = make()
    expect(cache.getOrSet('deux', 2)).toBe(2)
    expect(cache.getOrSet('deux', 3)).toBe(2)
    cache.set('t', 1, 50)
    clock.jump(50)
    expect(cache.getOrSet('t', 9, 100)).toBe(9)
    expect(cache.getItem('t')).toEqual({ value: 9, expiration: clock.time + 100 })
  })
})

describe('getOrCompute', () => {
  it('calls the factory only on a miss and stores its result', () => {
    const { cache } = make()
    let calls = 0
    const factory = () => ++calls * 10
    expect(cache.getOrCompute('a', factory)).toBe(10)
    expect(cache.getOrCompute('a', factory)).toBe(10)
    expect(calls).toBe(1)
  })

  it('stores nothing when the factory throws, and throws its error', () => {
    const { cache } = make()
    const boom = new Error('boom')
    expect(() =>
      cache.getOrCompute('a', () => {
        throw boom
      }),
    ).toThrow(boom)
    expect(cache.has('a')).toBe(false)
    expect(cache.size).toBe(0)
  })

  it('applies the ttl to a computed value', () => {
    const { cache, clock } = make()
    cache.getOrCompute('a', () => 1, 500)
    expect(cache.getItem('a')?.expiration).toBe(clock.time + 500)
  })
})

describe('delete', () => {
  it('removes a live entry, and throws KeyError for a missing or expired one', () => {
    const { cache, clock } = make()
    cache.set('a', 1)
    cache.delete('a')
    expect(cache.has('a')).toBe(false)
    expect(() => cache.delete('a')).toThrow(KeyError)
    cache.set('b', 1, 10)
    clock.jump(10)
    expect(() => cache.delete('b')).toThrow(KeyError)
  })
})

describe('expire, persist, rename', () => {
  it('expire() gives a live entry a new TTL counted from now', () => {
    const { cache, clock } = make()
    cache.set('a', 1)
    clock.jump(1000)
    cache.expire('a', 200)
    expect(cache.getItem('a')).toEqual({ value: 1, expiration: clock.time + 200 })
    cache.expire('a', Number.POSITIVE_INFINITY)
    expect(cache.getItem('a')?.expiration).toBeNull()
    expect(() => cache.expire('missing', 10)).toThrow(KeyError)
  })

  it('persist() removes the TTL of a live entry', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    cache.persist('a')
    expect(clock.pending).toBe(0)
    clock.advance(10_000)
    expect(cache.get('a')).toBe(1)
    expect(cache.getItem('a')?.expiration).toBeNull()
    expect(() => cache.persist('missing')).toThrow(KeyError)
  })

  it('rename() moves value and expiration, overwriting the new key', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 300)
    cache.set('b', 2)
    cache.set('c', 3)
    cache.rename('a', 'b')
    expect(cache.has('a')).toBe(false)
    expect(cache.getItem('b')).toEqual({ value: 1, expiration: clock.time + 300 })
    expect(cache.keys()).toEqual(['c', 'b'])
    expect(cache.size).toBe(2)
    expect(() => cache.rename('missing', 'x')).toThrow(KeyError)
    cache.rename('b', 'b')
    expect(cache.get('b')).toBe(1)
  })
})

describe('keys, values, items, size, flush', () => {
  it('list live entries in insertion order', () => {
    const { cache, clock } = make()
    cache.set('un', 1)
    cache.set('deux', 2, 100)
    cache.set('trois', 3)
    expect(cache.keys()).toEqual(['un', 'deux', 'trois'])
    expect(cache.values()).toEqual([1, 2, 3])
    expect(cache.items()).toEqual([
      ['un', { value: 1, expiration: null }],
      ['deux', { value: 2, expiration: clock.time + 100 }],
      ['trois', { value: 3, expiration: null }],
    ])
    expect(cache.size).toBe(3)
  })

  it('never list expired entries, even before the timer fires, and leave them for the timer', () => {
    const { cache, clock } = make()
    cache.set('un', 1)
    cache.set('deux', 2, 100)
    const events: string[] = []
    cache.onEvent((e) => events.push(e.type))
    clock.jump(100)
    expect(cache.keys()).toEqual(['un'])
    expect(cache.values()).toEqual([1])
    expect(cache.items()).toEqual([['un', { value: 1, expiration: null }]])
    expect(events).toEqual([])
    expect(cache.size).toBe(1)
    expect(events).toEqual(['expire'])
  })

  it('flush() removes everything', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    cache.set('b', 2)
    cache.flush()
    expect(cache.size).toBe(0)
    expect(cache.keys()).toEqual([])
    expect(clock.pending).toBe(0)
    cache.set('a', 3)
    expect(cache.get('a')).toBe(3)
  })
})

describe('defaultTtl', () => {
  it('is readable and assignable, and affects later writes only', () => {
    const { cache, clock } = make({ defaultTtl: 5000 })
    expect(cache.defaultTtl).toBe(5000)
    cache.set('a', 1)
    expect(cache.getItem('a')?.expiration).toBe(clock.time + 5000)
    cache.defaultTtl = null
    expect(cache.defaultTtl).toBeNull()
    expect(cache.getItem('a')?.expiration).toBe(clock.time + 5000)
    cache.set('b', 2)
    expect(cache.getItem('b')?.expiration).toBeNull()
    cache.defaultTtl = 10
    expect(cache.getOrSet('c', 3)).toBe(3)
    expect(cache.getItem('c')?.expiration).toBe(clock.time + 10)
    expect(cache.getOrCompute('d', () => 4)).toBe(4)
    expect(cache.getItem('d')?.expiration).toBe(clock.time + 10)
    cache.set('e', 5, Number.POSITIVE_INFINITY)
    expect(cache.getItem('e')?.expiration).toBeNull()
  })

  it('defaults to null: entries never expire', () => {
    const cache = new Cache()
    expect(cache.defaultTtl).toBeNull()
  })
})

describe('dispose', () => {
  it('drops listeners and the timer, and still answers reads with expiry checked', () => {
    const { cache, clock } = make()
    let calls = 0
    cache.subscribe('a', () => calls++)
    cache.set('a', 1, 100)
    expect(calls).toBe(1)
    expect(cache.listenerCount).toBe(1)
    cache.dispose()
    expect(cache.listenerCount).toBe(0)
    expect(clock.pending).toBe(0)
    expect(cache.get('a')).toBe(1)
    clock.jump(100)
    expect(cache.has('a')).toBe(false)
    expect(calls).toBe(1)
  })
})
