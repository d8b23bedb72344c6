// Removing a layer (a failed change) is exact: each key it wrote shows the newest remaining
// layer's value, else the committed entry as it is now.
import { expect, it } from 'vitest'
import { beginOptimistic, Cache } from '../../src/core/index'
import { FakeClock } from '../helpers/fakeClock'
import { overlayOf } from '../helpers/overlay'

const make = () => new Cache<string, number>({ clock: new FakeClock() })

it('shows the committed value as it is now, including what arrived during the change', () => {
  const cache = make()
  cache.set('a', 1)
  const layer = beginOptimistic(cache)
  layer.set('a', 5)
  cache.set('a', 2) // the server's data arrives meanwhile
  layer.remove()
  expect(cache.get('a')).toBe(2)
})

it('two overlapping layers both removed, in either order, end with the committed value', () => {
  for (const order of [
    [0, 1],
    [1, 0],
  ]) {
    const cache = make()
    cache.set('a', 1)
    const layers = [beginOptimistic(cache), beginOptimistic(cache)]
    layers[0]?.set('a', 2)
    layers[1]?.set('a', 3)
    layers[order[0] as number]?.remove()
    expect(cache.get('a')).toBe(order[0] === 0 ? 3 : 2)
    layers[order[1] as number]?.remove()
    expect(cache.get('a')).toBe(1)
    expect(overlayOf(cache)).toBeUndefined()
  }
})

it("the first of two overlapping changes failing keeps the second one's value", () => {
  const cache = make()
  cache.set('a', 1)
  const first = beginOptimistic(cache)
  first.set('a', 2)
  const second = beginOptimistic(cache)
  second.set('a', 3)
  let heard = 0
  cache.subscribe('a', () => heard++)
  first.remove()
  expect(cache.get('a')).toBe(3)
  expect(heard).toBe(0)
})

it('an updater stacked on a removed layer keeps its own value: layers hold values, not updaters', () => {
  const cache = make()
  cache.set('n', 0)
  const first = beginOptimistic(cache)
  first.set('n', first.get('n') + 1)
  const second = beginOptimistic(cache)
  second.set('n', second.get('n') + 1)
  first.remove()
  expect(cache.get('n')).toBe(2)
  second.remove()
  expect(cache.get('n')).toBe(0)
})

it('a committed value that expired or was deleted meanwhile leaves nothing after the rollback', () => {
  const clock = new FakeClock()
  const cache = new Cache<string, number>({ clock })
  cache.set('short', 1, 100)
  cache.set('gone', 1)
  const layer = beginOptimistic(cache)
  layer.set('short', 2)
  layer.set('gone', 2)
  clock.advance(200)
  cache.delete('gone')
  layer.remove()
  expect(cache.keys()).toEqual([])
})

it('a temporary key written only in the layer is gone after it', () => {
  const cache = make()
  const layer = beginOptimistic(cache)
  layer.set('todo:temp', 1)
  layer.remove()
  expect(cache.has('todo:temp')).toBe(false)
  expect(cache.size).toBe(0)
})
