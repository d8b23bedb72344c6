// Optimistic values stay in their tab and in memory: persistCache stores, syncTabs sends and
// dehydrate takes the committed entries only; a committed write under a layer goes as any set.
import { expect, it, vi } from 'vitest'
import { beginOptimistic, Cache, dehydrate, hydrate } from '../../src/core/index'
import { persistCache } from '../../src/persist/index'
import { FakeStorage } from '../persist/fakes'
import { setUpTabs } from '../persist/tabs'

const tabs = setUpTabs()

const storedEntries = (storage: FakeStorage) => JSON.parse(storage.data.get('app') ?? 'null')?.snapshot.entries

it('dehydrate takes the committed entries; hydrate fills a key that only a layer shows', () => {
  const cache = new Cache<string, number>()
  cache.set('a', 1)
  const layer = beginOptimistic(cache)
  layer.set('a', 2)
  layer.set('temp', 3)
  expect(dehydrate(cache).entries).toEqual([['a', 1, null]])
  expect(hydrate(cache, { version: 1, entries: [['temp', 4, null]] })).toBe(1)
  expect(cache.get('temp')).toBe(3)
  layer.remove()
  expect(cache.get('temp')).toBe(4)
})

it('persistCache never writes an optimistic value, and writes a committed one made under a layer', () => {
  vi.useFakeTimers()
  try {
    const storage = new FakeStorage()
    const cache = new Cache<string, number>()
    persistCache(cache, { name: 'app', storage, throttle: 0 })
    cache.set('a', 1)
    vi.advanceTimersByTime(10)
    const writes = storage.setCalls
    const layer = beginOptimistic(cache)
    layer.set('a', 2)
    layer.set('temp', 3)
    vi.advanceTimersByTime(10)
    expect(storage.setCalls).toBe(writes)
    cache.set('a', 5) // committed, as onSuccess writes it
    vi.advanceTimersByTime(10)
    expect(storedEntries(storage)).toEqual([['a', 5, null]])
    layer.remove()
    vi.advanceTimersByTime(10)
    expect(storedEntries(storage)).toEqual([['a', 5, null]])
    // A reload in the middle of a change shows the last committed value.
    const reloaded = new Cache<string, number>()
    persistCache(reloaded, { name: 'app', storage })
    expect(reloaded.items()).toEqual([['a', { value: 5, expiration: null }]])
  } finally {
    vi.useRealTimers()
  }
})

it('syncTabs never sends an optimistic value: the other tab sees committed writes only', async () => {
  const [one, two] = tabs.open<string, number>(2)
  await tabs.bus.drain()
  one?.set('a', 1)
  await tabs.bus.drain()
  const layer = beginOptimistic(one as Cache<string, number>)
  layer.set('a', 2)
  layer.set('temp', 3)
  await tabs.bus.drain()
  expect(two?.items()).toEqual([['a', { value: 1, expiration: null }]])
  // A tab opened meanwhile is answered with the committed entries too.
  const [late] = tabs.open<string, number>(1)
  await tabs.bus.drain()
  expect(late?.items()).toEqual([['a', { value: 1, expiration: null }]])
  // A write from another tab lands under the layer.
  two?.set('a', 7)
  await tabs.bus.drain()
  expect(one?.get('a')).toBe(2)
  expect(one?.committed.getItem('a')?.value).toBe(7)
  layer.remove()
  await tabs.bus.drain()
  expect(one?.items()).toEqual([['a', { value: 7, expiration: null }]])
  expect(two?.items()).toEqual([['a', { value: 7, expiration: null }]])
  expect(tabs.bus.pocheMessages.some((m) => JSON.stringify(m).includes('temp'))).toBe(false)
})

it('syncTabs applies a delete from another tab under a layer, without throwing', async () => {
  const [one, two] = tabs.open<string, number>(2)
  await tabs.bus.drain()
  two?.set('a', 1)
  await tabs.bus.drain()
  const layer = beginOptimistic(one as Cache<string, number>)
  layer.set('only-here', 1)
  two?.delete('a')
  two?.set('only-here', 2)
  two?.delete('only-here')
  await tabs.bus.drain()
  expect(tabs.bus.thrown).toEqual([])
  expect(one?.keys()).toEqual(['only-here'])
  layer.remove()
  expect(one?.keys()).toEqual([])
})
