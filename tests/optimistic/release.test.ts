// Releasing a layer (a change that succeeded): each value stays while an open layer also wrote
// its key, or a fetch of the key is in flight or awaited, and goes after; at once otherwise.
import { expect, it } from 'vitest'
import { beginOptimistic, Cache } from '../../src/core/index'
import { deferred, flushPromises } from '../helpers/deferred'
import { FakeClock } from '../helpers/fakeClock'
import { overlayOf } from '../helpers/overlay'

const make = () => new Cache<string, unknown>({ clock: new FakeClock() })

it('goes at once from keys nobody reads, and leaves the committed entry', () => {
  const cache = make()
  cache.set('a', 1)
  const layer = beginOptimistic(cache)
  layer.set('a', 2)
  layer.set('temp', 3)
  cache.set('a', 4) // the server's answer, committed
  layer.release()
  expect(layer.state).toBe('released')
  expect(cache.items()).toEqual([['a', { value: 4, expiration: null }]])
})

it('stays while a fetch of the key is in flight, then shows what it brought (no flicker)', async () => {
  const cache = make()
  cache.set('a', 'old')
  const layer = beginOptimistic(cache)
  layer.set('a', 'mine')
  const fetch = deferred<string>()
  cache.delete('a')
  cache.getOrCompute('a', () => fetch.promise)
  const shown: unknown[] = []
  cache.subscribe('a', () => shown.push(cache.getItem('a')?.value))
  layer.release()
  expect(cache.get('a')).toBe('mine')
  fetch.resolve('server')
  await flushPromises()
  expect(shown.filter((value) => value !== 'mine')).toEqual([fetch.promise])
  await expect(cache.get('a')).resolves.toBe('server')
  expect(overlayOf(cache)).toBeUndefined()
})

it('stays while the refetch that `whenRefetched` reports is in flight, whatever is written meanwhile', async () => {
  const cache = make()
  cache.set('a', 'old')
  const layer = beginOptimistic(cache)
  layer.set('a', 'mine')
  const refetch = deferred<void>()
  const asked: unknown[] = []
  layer.release({
    whenRefetched: (key) => {
      asked.push([key, cache.isInvalidated(key)])
      return refetch.promise
    },
  })
  expect(asked).toEqual([['a', true]])
  cache.set('a', 'server') // the refetch's arrival, committed under the layer
  expect(cache.get('a')).toBe('mine')
  refetch.resolve()
  await flushPromises()
  expect(cache.get('a')).toBe('server')
  expect(overlayOf(cache)).toBeUndefined()
})

it('goes at once when nothing refetches the key, read or not', () => {
  const cache = make()
  cache.subscribe('a', () => {})
  const layer = beginOptimistic(cache)
  layer.set('a', 'mine')
  cache.set('a', 'server')
  layer.release()
  expect(cache.get('a')).toBe('server')
})

it('a refetch that fails, or is abandoned, lets the value go too', async () => {
  const cache = make()
  const layer = beginOptimistic(cache)
  layer.set('a', 'mine')
  const fetch = deferred<string>()
  cache.getOrCompute('a', () => fetch.promise)
  layer.release()
  fetch.reject(new Error('offline'))
  await flushPromises()
  expect(cache.has('a')).toBe(false)
  expect(overlayOf(cache)).toBeUndefined()
})

it('a released value stays while an older open layer wrote the same key', () => {
  const cache = make()
  cache.set('a', 0)
  const older = beginOptimistic(cache)
  older.set('a', 1)
  const newer = beginOptimistic(cache)
  newer.set('a', 2)
  newer.release()
  expect(cache.get('a')).toBe(2)
  older.remove()
  expect(cache.get('a')).toBe(0)
})

it('invalidates the keys it wrote and those `invalidate` matches, once no open layer wrote them', () => {
  const cache = make()
  cache.set('todo:1', 'a')
  cache.set('todos', ['a'])
  cache.set('other', 1)
  const older = beginOptimistic(cache)
  older.set('todo:1', 'b')
  const layer = beginOptimistic(cache)
  layer.set('todo:1', 'c')
  layer.release({ invalidate: (key) => String(key).startsWith('todos') })
  expect(cache.isInvalidated('todos')).toBe(true)
  expect(cache.isInvalidated('todo:1')).toBe(false) // the older change of it is still open
  expect(cache.isInvalidated('other')).toBe(false)
  older.remove()
  expect(cache.isInvalidated('todo:1')).toBe(true)
  expect(() => layer.release({ invalidate: 1 as never })).toThrow(TypeError)
})
