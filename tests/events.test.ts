import { afterEach, describe, expect, it, vi } from 'vitest'
import { Cache, type CacheEvent } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

const make = (options: { maxSize?: number } = {}) => {
  const clock = new FakeClock()
  const cache = new Cache<string, number>({ clock, ...options })
  const events: CacheEvent<string>[] = []
  cache.onEvent((event) => events.push(event))
  return { cache, clock, events }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('subscribe(key)', () => {
  it('is told about set, delete, expire, rename and flush of its key only', () => {
    const { cache, clock } = make()
    let a = 0
    let b = 0
    cache.subscribe('a', () => a++)
    cache.subscribe('b', () => b++)
    cache.set('a', 1, 100)
    expect([a, b]).toEqual([1, 0])
    cache.set('a', 2)
    cache.expire('a', 100)
    cache.persist('a')
    expect([a, b]).toEqual([4, 0])
    cache.delete('a')
    expect([a, b]).toEqual([5, 0])
    cache.set('a', 1, 100)
    clock.advance(100)
    expect([a, b]).toEqual([7, 0])
    cache.set('a', 1)
    cache.rename('a', 'b')
    expect([a, b]).toEqual([9, 1])
    cache.flush()
    expect([a, b]).toEqual([9, 2])
  })

  it('stops after unsubscribing, and each subscription of one function is its own', () => {
    const { cache } = make()
    const listener = vi.fn()
    const first = cache.subscribe('a', listener)
    const second = cache.subscribe('a', listener)
    cache.set('a', 1)
    expect(listener).toHaveBeenCalledTimes(2)
    first()
    first()
    cache.set('a', 2)
    expect(listener).toHaveBeenCalledTimes(3)
    second()
    cache.set('a', 3)
    expect(listener).toHaveBeenCalledTimes(3)
    expect(cache.listenerCount).toBe(1) // the onEvent log
  })

  it('is not told about reads', () => {
    const { cache } = make()
    cache.set('a', 1)
    const listener = vi.fn()
    cache.subscribe('a', listener)
    cache.get('a')
    cache.has('a')
    cache.getItem('a')
    cache.getOrSet('a', 2)
    cache.getOrCompute('a', () => 3)
    cache.keys()
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('subscribeKeys', () => {
  it('runs when the set of live keys changes, not when a value does', () => {
    const { cache, clock } = make()
    const listener = vi.fn()
    cache.subscribeKeys(listener)
    cache.set('a', 1, 100)
    expect(listener).toHaveBeenCalledTimes(1)
    cache.set('a', 2, 100)
    cache.expire('a', 50)
    cache.persist('a')
    expect(listener).toHaveBeenCalledTimes(1)
    cache.set('b', 1, 10)
    expect(listener).toHaveBeenCalledTimes(2)
    clock.advance(10)
    expect(listener).toHaveBeenCalledTimes(3)
    cache.rename('a', 'c')
    expect(listener).toHaveBeenCalledTimes(4)
    cache.delete('c')
    expect(listener).toHaveBeenCalledTimes(5)
    cache.flush()
    expect(listener).toHaveBeenCalledTimes(5) // nothing was left to remove
    cache.set('d', 1)
    cache.flush()
    expect(listener).toHaveBeenCalledTimes(7)
  })
})

describe('onEvent', () => {
  it('logs every change with its type and key', () => {
    const { cache, clock, events } = make({ maxSize: 2 })
    cache.set('a', 1, 100)
    cache.set('b', 2)
    cache.set('c', 3)
    cache.delete('b')
    cache.set('d', 4, 50)
    cache.rename('c', 'e')
    cache.expire('e', 10)
    cache.persist('e')
    clock.advance(50)
    cache.flush()
    expect(events).toEqual([
      { type: 'set', key: 'a' },
      { type: 'set', key: 'b' },
      { type: 'set', key: 'c' },
      { type: 'evict', key: 'a' },
      { type: 'delete', key: 'b' },
      { type: 'set', key: 'd' },
      { type: 'delete', key: 'c' },
      { type: 'set', key: 'e' },
      { type: 'set', key: 'e' },
      { type: 'set', key: 'e' },
      { type: 'expire', key: 'd' },
      { type: 'flush' },
    ])
  })
})

describe('listeners see the final state', () => {
  it('inside an expire listener the entry is gone and size no longer counts it', () => {
    const { cache, clock } = make()
    const seen: unknown[] = []
    cache.onEvent((e) => e.type === 'expire' && seen.push([e.key, cache.has(e.key), cache.size, cache.keys()]))
    cache.subscribe('a', () => seen.push(['key a', cache.getItem('a')]))
    cache.set('a', 1, 100)
    cache.set('b', 2, 100)
    cache.set('c', 3)
    seen.length = 0
    clock.advance(100)
    expect(seen).toContainEqual(['a', false, 1, ['c']])
    expect(seen).toContainEqual(['b', false, 1, ['c']])
    expect(seen).toContainEqual(['key a', undefined])
  })

  it('inside a set listener the new value is readable, and the evicted entry is gone', () => {
    const { cache } = make({ maxSize: 1 })
    const seen: unknown[] = []
    cache.set('a', 1)
    cache.subscribe('b', () => seen.push([cache.get('b'), cache.has('a'), cache.size]))
    // 'a' has no listener of its own (that would keep it from eviction): the event log tells.
    cache.onEvent((event) => event.type === 'evict' && seen.push([event.key, cache.has('a')]))
    cache.set('b', 2)
    expect(seen).toEqual([
      [2, false, 1],
      ['a', false],
    ])
  })

  it('inside a delete listener the entry is gone', () => {
    const { cache } = make()
    cache.set('a', 1)
    let seen: boolean | undefined
    cache.subscribe('a', () => {
      seen = cache.has('a')
    })
    cache.delete('a')
    expect(seen).toBe(false)
  })
})

describe('a throwing listener', () => {
  it('does not stop the others nor corrupt the cache, and its error is thrown again later', () => {
    const queued: Array<() => void> = []
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => {
      queued.push(task)
    })
    const { cache, events } = make()
    const boom = new Error('listener failed')
    const after = vi.fn()
    cache.subscribe('a', () => {
      throw boom
    })
    cache.subscribe('a', after)
    cache.set('a', 1)
    expect(after).toHaveBeenCalledTimes(1)
    expect(events).toEqual([{ type: 'set', key: 'a' }])
    expect(cache.get('a')).toBe(1)
    cache.set('b', 2)
    expect(cache.keys()).toEqual(['a', 'b'])
    const rethrows = queued.filter((task) => {
      try {
        task()
        return false
      } catch (error) {
        return error === boom
      }
    })
    expect(rethrows).toHaveLength(1)
  })

  it('a listener that unsubscribes and subscribes again while being told does not loop', () => {
    const { cache } = make()
    let calls = 0
    const listen = () => {
      const off = cache.subscribe('a', () => {
        calls++
        off()
        listen()
      })
    }
    listen()
    cache.set('a', 1)
    expect(calls).toBe(1)
    cache.set('a', 2)
    expect(calls).toBe(2)
  })

  it('a listener may write to the cache', () => {
    const { cache } = make()
    cache.subscribe('a', () => {
      if (!cache.has('b')) cache.set('b', cache.get('a') * 2)
    })
    cache.set('a', 21)
    expect(cache.get('b')).toBe(42)
  })
})

describe('hold', () => {
  it('delivers nothing until released, then each key once, the key list once, and every event in order', () => {
    const { cache, events } = make()
    const told: string[] = []
    cache.subscribe('a', () => told.push('a'))
    cache.subscribe('b', () => told.push('b'))
    cache.subscribeKeys(() => told.push('keys'))
    const release = cache.hold()
    cache.set('a', 1)
    cache.set('a', 2)
    cache.set('b', 1)
    cache.delete('b')
    expect(cache.get('a')).toBe(2)
    expect(told).toEqual([])
    expect(events).toEqual([])
    release()
    expect(told).toEqual(['a', 'b', 'keys'])
    expect(events.map((e) => `${e.type}:${e.key}`)).toEqual(['set:a', 'set:a', 'set:b', 'delete:b'])
    release() // a second call does nothing
    expect(told).toHaveLength(3)
  })

  it('nests: the last release delivers', () => {
    const { cache } = make()
    const listener = vi.fn()
    cache.subscribe('a', listener)
    const outer = cache.hold()
    const inner = cache.hold()
    cache.set('a', 1)
    inner()
    expect(listener).not.toHaveBeenCalled()
    outer()
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('defers maxSize eviction to the release', () => {
    const { cache, events } = make({ maxSize: 1 })
    const release = cache.hold()
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    expect(cache.keys()).toEqual(['a', 'b', 'c'])
    const releaseA = cache.subscribe('c', () => {})
    release()
    expect(cache.keys()).toEqual(['c'])
    expect(events.filter((e) => e.type === 'evict').map((e) => e.key)).toEqual(['a', 'b'])
    releaseA()
  })
})
