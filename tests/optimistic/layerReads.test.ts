// An optimistic layer shows its values at once over the committed entries: to get, has, getItem,
// the listings and subscribers; the newest-started layer that wrote a key is what the key shows.
import { describe, expect, it } from 'vitest'
import { beginOptimistic, Cache, type CacheEvent, KeyError } from '../../src/core/index'
import { FakeClock } from '../helpers/fakeClock'
import { overlayOf } from '../helpers/overlay'

const make = () => {
  const clock = new FakeClock()
  const cache = new Cache<string, number>({ clock })
  const events: CacheEvent<string>[] = []
  cache.onEvent((event) => events.push(event))
  return { cache, clock, events }
}

describe('what a layer shows', () => {
  it('shows a set at once to every read, over the committed entry, which stays as it was', () => {
    const { cache } = make()
    cache.set('a', 1, 1_000)
    const layer = beginOptimistic(cache)
    layer.set('a', 2)
    layer.set('temp', 9)
    expect(cache.get('a')).toBe(2)
    expect(cache.has('temp')).toBe(true)
    expect(cache.getItem('a')).toEqual({ value: 2, expiration: null })
    expect(cache.keys()).toEqual(['a', 'temp'])
    expect(cache.values()).toEqual([2, 9])
    expect(cache.items()).toEqual([
      ['a', { value: 2, expiration: null }],
      ['temp', { value: 9, expiration: null }],
    ])
    expect(cache.size).toBe(2)
    expect(cache.committed.items()).toEqual([['a', { value: 1, expiration: 1_001_000 }]])
    expect(cache.committed.keys()).toEqual(['a'])
    expect(cache.committed.getItem('temp')).toBeUndefined()
  })

  it('a delete hides the key while the layer stands', () => {
    const { cache } = make()
    cache.set('a', 1)
    const layer = beginOptimistic(cache)
    layer.delete('a')
    expect(cache.has('a')).toBe(false)
    expect(cache.getItem('a')).toBeUndefined()
    expect(() => cache.get('a')).toThrow(KeyError)
    expect(cache.keys()).toEqual([])
    expect(cache.committed.getItem('a')?.value).toBe(1)
    layer.remove()
    expect(cache.get('a')).toBe(1)
  })

  it('the newest-started layer that wrote a key shows, whatever the order of the writes', () => {
    const { cache } = make()
    const older = beginOptimistic(cache)
    const newer = beginOptimistic(cache)
    newer.set('k', 2)
    older.set('k', 1)
    expect(cache.get('k')).toBe(2)
    newer.remove()
    expect(cache.get('k')).toBe(1)
  })

  it('reads through the layer give what the app sees, so updaters chain', () => {
    const { cache } = make()
    cache.set('count', 10)
    for (let i = 0; i < 2; i++) {
      const layer = beginOptimistic(cache)
      layer.set('count', layer.get('count') + 1)
    }
    expect(cache.get('count')).toBe(12)
    expect(cache.committed.getItem('count')?.value).toBe(10)
  })

  it('a committed write goes under the layer: the screen keeps the optimistic value', () => {
    const { cache } = make()
    cache.set('a', 1)
    const layer = beginOptimistic(cache)
    layer.set('a', 2)
    cache.set('a', 3)
    expect(cache.get('a')).toBe(2)
    expect(cache.committed.getItem('a')?.value).toBe(3)
    layer.remove()
    expect(cache.get('a')).toBe(3)
  })

  it('an optimistic value never expires while its layer stands; the committed one does', () => {
    const { cache, clock } = make()
    cache.set('a', 1, 100)
    const layer = beginOptimistic(cache)
    layer.set('a', 2)
    clock.advance(1_000)
    expect(cache.get('a')).toBe(2)
    expect(cache.committed.getItem('a')).toBeUndefined()
    layer.remove()
    expect(cache.has('a')).toBe(false)
  })

  it('a layer takes no writes once released or removed, and says so with a TypeError', () => {
    const { cache } = make()
    const layer = beginOptimistic(cache)
    layer.remove()
    expect(layer.state).toBe('removed')
    expect(() => layer.set('a', 1)).toThrow(TypeError)
    expect(() => layer.delete('a')).toThrow(TypeError)
    expect(cache.has('a')).toBe(false)
    expect(() => beginOptimistic({} as Cache)).toThrow(TypeError)
  })

  it('leaves the cache with no overlay once no layer stands, so reads cost one check again', () => {
    const { cache } = make()
    const layer = beginOptimistic(cache)
    expect(overlayOf(cache)).toBeDefined()
    layer.set('a', 1)
    layer.release()
    expect(overlayOf(cache)).toBeUndefined()
    expect(cache.has('a')).toBe(false)
  })
})

describe('what listeners hear', () => {
  it('key listeners hear each change of what the key shows; events say optimistic: true', () => {
    const { cache, events } = make()
    cache.set('a', 1)
    events.length = 0
    let heard = 0
    cache.subscribe('a', () => heard++)
    const layer = beginOptimistic(cache)
    layer.set('a', 2)
    expect(heard).toBe(1)
    expect(events).toEqual([{ type: 'set', key: 'a', optimistic: true }])
    // A committed write under it is told too (readers find what they show unchanged).
    cache.set('a', 3)
    expect(events.at(-1)).toEqual({ type: 'set', key: 'a' })
    layer.remove()
    expect(cache.get('a')).toBe(3)
    expect(events.at(-1)).toEqual({ type: 'set', key: 'a', optimistic: true })
  })

  it('key-list listeners hear a key that only a layer holds come and go', () => {
    const { cache } = make()
    let lists = 0
    cache.subscribeKeys(() => lists++)
    const layer = beginOptimistic(cache)
    layer.set('temp', 1)
    expect(lists).toBe(1)
    layer.set('temp', 2)
    expect(lists).toBe(1)
    layer.remove()
    expect(lists).toBe(2)
    expect(cache.keys()).toEqual([])
  })

  it('a rollback of several keys is told after all of them are rolled back', () => {
    const { cache } = make()
    const layer = beginOptimistic(cache)
    layer.set('a', 1)
    layer.set('b', 2)
    const seen: unknown[] = []
    cache.subscribe('a', () => seen.push([cache.has('a'), cache.has('b')]))
    layer.remove()
    expect(seen).toEqual([[false, false]])
  })
})

it('a layer reads a fetched key (a fulfilled Promise) as its value, so an updater can build on it', async () => {
  const cache = new Cache<string, unknown>()
  const fetched = Promise.resolve([1])
  cache.set('list', fetched)
  await fetched
  await Promise.resolve()
  const layer = beginOptimistic(cache)
  layer.set('list', [...(layer.get('list') as number[]), 2])
  expect(cache.get('list')).toEqual([1, 2])
})
