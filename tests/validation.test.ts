import { describe, expect, it } from 'vitest'
import { Cache } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

// Each bad value with the error class it must raise.
const badTtls: Array<[unknown, typeof TypeError | typeof RangeError, string]> = [
  [0, RangeError, '0'],
  [-1, RangeError, '-1'],
  [Number.NaN, RangeError, 'NaN'],
  ['5', TypeError, '"5"'],
  [null, TypeError, 'null'],
  [{}, TypeError, 'an object'],
]

const populated = () => {
  const clock = new FakeClock()
  const cache = new Cache<string, number>({ clock, maxSize: 10 })
  cache.set('a', 1, 100)
  cache.set('b', 2)
  return { cache, clock }
}

const snapshot = (cache: Cache<string, number>, clock: FakeClock) => ({
  items: cache.items(),
  size: cache.size,
  defaultTtl: cache.defaultTtl,
  pending: clock.pending,
  setCalls: clock.setCalls,
})

const writes: Array<[string, (cache: Cache<string, number>, ttl: never) => unknown]> = [
  ['set', (cache, ttl) => cache.set('c', 3, ttl)],
  ['set (existing key)', (cache, ttl) => cache.set('a', 3, ttl)],
  ['getOrSet', (cache, ttl) => cache.getOrSet('c', 3, ttl)],
  ['getOrSet (hit)', (cache, ttl) => cache.getOrSet('a', 3, ttl)],
  ['getOrCompute', (cache, ttl) => cache.getOrCompute('c', () => 3, ttl)],
  ['expire', (cache, ttl) => cache.expire('a', ttl)],
]

describe('a bad ttl is refused with a named error and changes nothing', () => {
  for (const [name, write] of writes) {
    for (const [ttl, ErrorClass, shown] of badTtls) {
      it(`${name} with ttl ${shown}`, () => {
        const { cache, clock } = populated()
        const events: unknown[] = []
        cache.onEvent((e) => events.push(e))
        const before = snapshot(cache, clock)
        let thrown: unknown
        try {
          write(cache, ttl as never)
        } catch (error) {
          thrown = error
        }
        expect(thrown).toBeInstanceOf(ErrorClass)
        expect((thrown as Error).message).toContain('ttl')
        expect((thrown as Error).message).toContain(shown)
        expect(snapshot(cache, clock)).toEqual(before)
        expect(events).toEqual([])
      })
    }
  }

  it('getOrCompute does not call the factory when the ttl is bad', () => {
    const { cache } = populated()
    let calls = 0
    expect(() => cache.getOrCompute('c', () => ++calls, 0)).toThrow(RangeError)
    expect(calls).toBe(0)
  })

  it('expire requires a ttl', () => {
    const { cache } = populated()
    expect(() => (cache.expire as (key: string) => void)('a')).toThrow(TypeError)
  })
})

describe('defaultTtl', () => {
  for (const [ttl, ErrorClass, shown] of badTtls.filter(([ttl]) => ttl !== null)) {
    it(`the constructor refuses ${shown}`, () => {
      expect(() => new Cache({ defaultTtl: ttl as number })).toThrow(ErrorClass)
      expect(() => new Cache({ defaultTtl: ttl as number })).toThrow(/defaultTtl.*/)
      expect(() => new Cache({ defaultTtl: ttl as number })).toThrow(shown)
    })

    it(`the setter refuses ${shown} and keeps the old value`, () => {
      const { cache, clock } = populated()
      cache.defaultTtl = 700
      const before = snapshot(cache, clock)
      expect(() => {
        cache.defaultTtl = ttl as number
      }).toThrow(ErrorClass)
      expect(snapshot(cache, clock)).toEqual(before)
      expect(cache.defaultTtl).toBe(700)
    })
  }

  it('accepts null and Infinity', () => {
    expect(new Cache({ defaultTtl: null }).defaultTtl).toBeNull()
    expect(new Cache({ defaultTtl: Number.POSITIVE_INFINITY }).defaultTtl).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('maxSize', () => {
  for (const [maxSize, ErrorClass] of [
    [0, RangeError],
    [-1, RangeError],
    [1.5, RangeError],
    [Number.NaN, RangeError],
    ['3', TypeError],
    [null, TypeError],
  ] as const) {
    it(`refuses ${String(maxSize)}`, () => {
      expect(() => new Cache({ maxSize: maxSize as number })).toThrow(ErrorClass)
      expect(() => new Cache({ maxSize: maxSize as number })).toThrow(/maxSize/)
    })
  }

  it('names a count, not a duration: maxSize 0 is no "ms"', () => {
    expect(() => new Cache({ maxSize: 0 })).toThrow('maxSize must be a positive whole number or Infinity, got 0')
    expect(() => new Cache({ maxSize: 0 })).not.toThrow(/ms/)
  })

  it('accepts a positive whole number and Infinity', () => {
    expect(() => new Cache({ maxSize: 1 })).not.toThrow()
    expect(() => new Cache({ maxSize: Number.POSITIVE_INFINITY })).not.toThrow()
  })
})

describe('functions', () => {
  for (const factory of [undefined, null, 42, 'f', {}]) {
    it(`getOrCompute refuses a factory of ${String(factory)}`, () => {
      const { cache, clock } = populated()
      const before = snapshot(cache, clock)
      expect(() => cache.getOrCompute('c', factory as never)).toThrow(TypeError)
      expect(() => cache.getOrCompute('c', factory as never)).toThrow(/factory must be a function/)
      expect(() => cache.getOrCompute('a', factory as never)).toThrow(TypeError)
      expect(snapshot(cache, clock)).toEqual(before)
    })
  }

  it('listeners must be functions', () => {
    const cache = new Cache()
    expect(() => cache.subscribe('a', 1 as never)).toThrow(/listener must be a function, got 1/)
    expect(() => cache.subscribeKeys(null as never)).toThrow(TypeError)
    expect(() => cache.onEvent('x' as never)).toThrow(TypeError)
    expect(cache.listenerCount).toBe(0)
  })

  it('a clock needs now()', () => {
    expect(() => new Cache({ clock: {} as never })).toThrow(/clock\.now must be a function/)
    expect(() => new Cache({ clock: null as never })).toThrow(TypeError)
  })
})
