import { describe, expect, it } from 'vitest'
import { Cache } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

const MAX_DELAY = 2_147_483_647
const DAY = 24 * 60 * 60 * 1000

const make = () => {
  const clock = new FakeClock()
  return { clock, cache: new Cache<string, number>({ clock }) }
}

describe('expiry boundary', () => {
  it('an entry is live until now === expiration, and expired from then on', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    clock.jump(99)
    expect(cache.get('a')).toBe(1)
    clock.jump(1)
    expect(cache.has('a')).toBe(false)
    expect(() => cache.get('a')).toThrow('no live entry')
  })

  it('reads check expiry themselves when the timer is late', () => {
    const { cache, clock } = make()
    const expired: string[] = []
    cache.onEvent((e) => e.type === 'expire' && expired.push(e.key))
    cache.set('a', 1, 100)
    cache.set('b', 2, 200)
    clock.jump(150) // the timer has not fired: a throttled tab
    expect(clock.pending).toBe(1)
    expect(() => cache.get('a')).toThrow()
    expect(expired).toEqual(['a'])
    expect(cache.get('b')).toBe(2)
  })
})

describe('the timer', () => {
  it('removes entries on time and notifies their subscribers', () => {
    const { cache, clock } = make()
    const seen: Array<[string, boolean, number]> = []
    cache.subscribe('a', () => seen.push(['a', cache.has('a'), cache.size]))
    cache.subscribe('b', () => seen.push(['b', cache.has('b'), cache.size]))
    cache.set('a', 1, 100)
    cache.set('b', 2, 300)
    seen.length = 0
    clock.advance(100)
    expect(seen).toEqual([['a', false, 1]])
    clock.advance(200)
    expect(seen).toEqual([
      ['a', false, 1],
      ['b', false, 0],
    ])
    expect(clock.pending).toBe(0)
  })

  it('expires entries that share a deadline in one firing', () => {
    const { cache, clock } = make()
    for (let i = 0; i < 50; i++) cache.set(`k${i}`, i, 100)
    let keyListCalls = 0
    cache.subscribeKeys(() => keyListCalls++)
    clock.advance(100)
    expect(cache.size).toBe(0)
    expect(clock.setCalls).toBe(1)
    expect(keyListCalls).toBe(1)
  })

  it('keeps at most one timer pending, armed for the earliest expiration', () => {
    const { cache, clock } = make()
    let earliest = Number.POSITIVE_INFINITY
    for (const [i, ttl] of [500, 300, 900, 100, 700, 100, 50_000].entries()) {
      cache.set(`k${i}`, ttl, ttl)
      earliest = Math.min(earliest, clock.time + ttl)
      expect(clock.pending).toBe(1)
      expect(clock.nextAt).toBe(earliest)
    }
    expect(clock.setCalls - clock.clearCalls).toBe(1)
    for (let step = 0; step < 20; step++) {
      clock.advance(100)
      expect(clock.pending).toBeLessThanOrEqual(1)
    }
    clock.advance(50_000)
    expect(cache.size).toBe(0)
    expect(clock.pending).toBe(0)
  })

  it('arms no timer for entries that never expire', () => {
    const { cache, clock } = make()
    cache.set('a', 1)
    cache.set('b', 2, Number.POSITIVE_INFINITY)
    cache.getOrSet('c', 3)
    expect(clock.setCalls).toBe(0)
  })

  it('leaves no timer pending after flush, dispose, or deleting the last expiring entry', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    cache.set('b', 2)
    cache.flush()
    expect(clock.pending).toBe(0)

    cache.set('a', 1, 100)
    cache.set('c', 3, 200)
    cache.delete('a')
    expect(clock.pending).toBe(1)
    cache.delete('c')
    expect(clock.pending).toBe(0)

    cache.set('a', 1, 100)
    cache.persist('a')
    expect(clock.pending).toBe(0)

    cache.set('a', 1, 100)
    cache.set('a', 1)
    expect(clock.pending).toBe(0)

    cache.set('d', 1, 100)
    cache.dispose()
    expect(clock.pending).toBe(0)
  })

  it('a 30-day TTL never fires early: every delay is capped at 2,147,483,647 ms', () => {
    const { cache, clock } = make()
    const expired: number[] = []
    cache.onEvent((e) => e.type === 'expire' && expired.push(clock.time))
    const start = clock.time
    cache.set('month', 1, 30 * DAY)
    expect(clock.delays.every((d) => d <= MAX_DELAY)).toBe(true)
    clock.advance(29 * DAY)
    expect(cache.get('month')).toBe(1)
    expect(clock.delays.every((d) => d <= MAX_DELAY)).toBe(true)
    expect(expired).toEqual([])
    clock.advance(DAY)
    expect(expired).toEqual([start + 30 * DAY])
    expect(clock.pending).toBe(0)
  })

  it('a TTL beyond any date still caps the delay', () => {
    const { cache, clock } = make()
    cache.set('far', 1, Number.MAX_VALUE)
    expect(clock.delays).toEqual([MAX_DELAY])
    clock.advance(MAX_DELAY)
    expect(cache.get('far')).toBe(1)
    expect(clock.pending).toBe(1)
  })
})

describe('moving deadlines', () => {
  it('expire() moves a deadline earlier and later', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 1000)
    cache.expire('a', 100)
    expect(clock.nextAt).toBe(clock.time + 100)
    cache.expire('a', 500)
    clock.advance(100)
    expect(cache.get('a')).toBe(1)
    clock.advance(399)
    expect(cache.get('a')).toBe(1)
    clock.advance(1)
    expect(cache.has('a')).toBe(false)
    expect(clock.pending).toBe(0)
  })

  it('expire() on an entry that never expired arms the timer', () => {
    const { cache, clock } = make()
    cache.set('a', 1)
    cache.expire('a', 100)
    expect(clock.pending).toBe(1)
    clock.advance(100)
    expect(cache.has('a')).toBe(false)
  })

  it('rename() keeps the deadline under the new key', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    cache.set('b', 2, 50)
    cache.rename('a', 'z')
    clock.advance(50)
    expect(cache.keys()).toEqual(['z'])
    clock.advance(50)
    expect(cache.has('z')).toBe(false)
    expect(clock.pending).toBe(0)
  })

  it('overwriting with a longer TTL moves the deadline later', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    cache.set('a', 2, 300)
    clock.advance(100)
    expect(cache.get('a')).toBe(2)
    clock.advance(200)
    expect(cache.has('a')).toBe(false)
  })
})

describe('entries that share a deadline', () => {
  it('once every entry of the earliest deadline is deleted, the timer goes on to the next one', () => {
    const { cache, clock } = make()
    const expired: string[] = []
    cache.onEvent((e) => e.type === 'expire' && expired.push(e.key))
    for (const key of ['a', 'b', 'c']) cache.set(key, 1, 100)
    cache.set('d', 2, 300)
    expect(clock.timers.map((t) => t.at - clock.time)).toEqual([100])
    for (const key of ['b', 'c', 'a']) cache.delete(key)
    // An early timer is kept rather than cancelled and armed again: it fires, finds nothing due
    // and arms for the next deadline.
    clock.advance(100)
    expect(expired).toEqual([])
    expect(clock.timers.map((t) => t.at - clock.time)).toEqual([200])
    cache.delete('d')
    expect(clock.pending).toBe(0)
  })

  it('an entry moved out of a shared deadline expires at its own time; the others at theirs', () => {
    const { cache, clock } = make()
    const expired: string[] = []
    cache.onEvent((e) => e.type === 'expire' && expired.push(e.key))
    for (const key of ['a', 'b', 'c']) cache.set(key, 1, 100)
    cache.set('b', 2, 250) // later: its node stays at 100 until it surfaces
    cache.expire('c', 50) // earlier
    clock.advance(50)
    expect(expired).toEqual(['c'])
    clock.advance(50)
    expect(expired).toEqual(['c', 'a'])
    expect(cache.get('b')).toBe(2)
    clock.advance(149)
    expect(expired).toEqual(['c', 'a'])
    clock.advance(1)
    expect(expired).toEqual(['c', 'a', 'b'])
    expect(clock.pending).toBe(0)
  })

  it('ten thousand writes with one TTL expire in one firing, with one timer armed once', () => {
    const { cache, clock } = make()
    let expired = 0
    cache.onEvent((e) => e.type === 'expire' && expired++)
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i, 1_000)
    expect(clock.setCalls).toBe(1)
    clock.advance(1_000)
    expect(expired).toBe(10_000)
    expect(cache.size).toBe(0)
    expect(clock.setCalls).toBe(1)
    expect(clock.pending).toBe(0)
  })

  it('overwrites that keep pushing a deadline later do not pile up queued nodes without bound', () => {
    const { cache, clock } = make()
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < 20; i++) cache.set(`k${i}`, round, 10 + round)
      clock.advance(1)
    }
    // Every key still holds its last value; the timer is armed for the earliest deadline.
    expect(cache.values()).toEqual(Array(20).fill(199))
    expect(clock.pending).toBe(1)
    clock.advance(209)
    expect(cache.size).toBe(0)
    expect(clock.pending).toBe(0)
  })
})

describe('no timer is left behind', () => {
  it('when the only expiring entry is given a later TTL and then made permanent', () => {
    const { cache, clock } = make()
    cache.set('c', 0, 25)
    cache.expire('c', 26)
    cache.set('c', 0, Infinity)
    expect(clock.pending).toBe(0)
  })

  it('when the only expiring entry is given a later TTL and then deleted', () => {
    const { cache, clock } = make()
    cache.set('c', 0, 25)
    cache.set('c', 1, 40)
    cache.delete('c')
    expect(clock.pending).toBe(0)
  })

  it('when a rename overwrites the only expiring entry with a permanent one', () => {
    const { cache, clock } = make()
    cache.set('a', 0, 25)
    cache.set('b', 1)
    cache.rename('b', 'a')
    expect(clock.pending).toBe(0)
    expect(cache.getItem('a')).toEqual({ value: 1, expiration: null })
  })

  it('when maxSize evicts the only expiring entry', () => {
    const clock = new FakeClock()
    const cache = new Cache<string, number>({ clock, maxSize: 1 })
    cache.set('a', 0, 25)
    cache.set('b', 1)
    expect(cache.keys()).toEqual(['b'])
    expect(clock.pending).toBe(0)
  })
})

describe('deadlines beyond any date', () => {
  it('do not disturb ordinary ones, whichever was written first', () => {
    const { cache, clock } = make()
    const expired: string[] = []
    cache.onEvent((e) => e.type === 'expire' && expired.push(e.key))
    cache.set('far', 0, Number.MAX_VALUE)
    cache.set('a', 1, 100)
    cache.set('b', 2, 200)
    cache.set('c', 3, Number.MAX_SAFE_INTEGER)
    clock.advance(100)
    expect(expired).toEqual(['a'])
    expect(cache.get('b')).toBe(2)
    clock.advance(100)
    expect(expired).toEqual(['a', 'b'])
    expect(cache.keys()).toEqual(['far', 'c'])
    expect(clock.pending).toBe(1)
  })
})
