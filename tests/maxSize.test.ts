import { describe, expect, it } from 'vitest'
import { Cache, type CacheEvent } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

const make = (maxSize: number) => {
  const clock = new FakeClock()
  const cache = new Cache<string, number>({ clock, maxSize })
  const evicted: string[] = []
  cache.onEvent((e: CacheEvent<string>) => e.type === 'evict' && evicted.push(e.key))
  return { cache, clock, evicted }
}

describe('maxSize', () => {
  it('evicts the least recently set entry past the bound', () => {
    const { cache, evicted } = make(2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    expect(evicted).toEqual(['a'])
    expect(cache.keys()).toEqual(['b', 'c'])
  })

  it('counts get, getOrSet, getOrCompute and set of an existing key as use', () => {
    const { cache, evicted } = make(3)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    cache.get('a')
    expect(cache.keys()).toEqual(['b', 'c', 'a'])
    cache.getOrSet('b', 0)
    expect(cache.keys()).toEqual(['c', 'a', 'b'])
    cache.getOrCompute('c', () => 0)
    expect(cache.keys()).toEqual(['a', 'b', 'c'])
    cache.set('a', 10)
    expect(cache.keys()).toEqual(['b', 'c', 'a'])
    cache.set('d', 4)
    expect(evicted).toEqual(['b'])
  })

  it('does not count has, getItem or keys as use', () => {
    const { cache, evicted } = make(2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.has('a')
    cache.getItem('a')
    cache.keys()
    cache.set('c', 3)
    expect(evicted).toEqual(['a'])
  })

  it('removes expired entries before evicting a live one', () => {
    const { cache, clock, evicted } = make(2)
    cache.set('a', 1)
    cache.set('b', 2, 10)
    clock.jump(10)
    cache.set('c', 3)
    expect(evicted).toEqual([])
    expect(cache.keys()).toEqual(['a', 'c'])
  })

  it('never evicts a key with listeners, and resumes once they unsubscribe', () => {
    const { cache, evicted } = make(2)
    const releases = ['a', 'b', 'c', 'd', 'e'].map((key, i) => {
      const release = cache.subscribe(key, () => {})
      cache.set(key, i)
      return release
    })
    expect(evicted).toEqual([])
    expect(cache.size).toBe(5)
    releases[0]()
    expect(evicted).toEqual(['a'])
    releases[0]() // a second call does nothing
    releases[3]()
    expect(evicted).toEqual(['a', 'd'])
    releases[1]()
    expect(evicted).toEqual(['a', 'd', 'b'])
    expect(cache.keys()).toEqual(['c', 'e'])
    releases[2]()
    releases[4]()
    expect(cache.keys()).toEqual(['c', 'e'])
  })

  it('every listener of a key protects it until it unsubscribes', () => {
    const { cache, evicted } = make(1)
    const first = cache.subscribe('a', () => {})
    const second = cache.subscribe('a', () => {})
    cache.set('a', 1)
    cache.set('b', 2)
    expect(evicted).toEqual([])
    first()
    expect(evicted).toEqual(['b']) // 'a' still has a listener; 'b' was only spared while it was newest
    cache.set('c', 3)
    expect(evicted).toEqual(['b'])
    second()
    expect(evicted).toEqual(['b', 'a'])
    expect(cache.keys()).toEqual(['c'])
  })

  it('an entry with listeners still expires', () => {
    const { cache, clock } = make(5)
    cache.subscribe('a', () => {})
    cache.set('a', 1, 100)
    clock.advance(100)
    expect(cache.has('a')).toBe(false)
  })

  it('never evicts the entry just written, even when every other key has listeners', () => {
    const { cache } = make(1)
    cache.subscribe('a', () => {})
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.keys()).toEqual(['a', 'b'])
  })
})
