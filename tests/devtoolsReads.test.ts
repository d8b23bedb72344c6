import { describe, expect, it } from 'vitest'
import { Cache } from '../src/core/index'

describe('listener counts, the maxSize option and the clock time, as devtools read them', () => {
  it('counts the listeners of one key apart from the others', () => {
    const cache = new Cache<string, number>()
    const stopA1 = cache.subscribe('a', () => {})
    const stopA2 = cache.subscribe('a', () => {})
    cache.subscribe('b', () => {})
    cache.onEvent(() => {})
    cache.subscribeKeys(() => {})
    expect(cache.keyListenerCount('a')).toBe(2)
    expect(cache.keyListenerCount('b')).toBe(1)
    expect(cache.keyListenerCount('c')).toBe(0)
    expect(cache.listenerCount).toBe(5)
    stopA1()
    stopA1()
    expect(cache.keyListenerCount('a')).toBe(1)
    stopA2()
    expect(cache.keyListenerCount('a')).toBe(0)
  })

  it('reports maxSize as given, Infinity by default', () => {
    expect(new Cache().maxSize).toBe(Infinity)
    expect(new Cache({ maxSize: 3 }).maxSize).toBe(3)
  })

  it('tells the time by its own clock, the one expirations are measured against', () => {
    let time = 5_000
    const cache = new Cache<string, number>({ clock: { now: () => time } })
    cache.set('a', 1, 1_000)
    expect(cache.now()).toBe(5_000)
    expect((cache.getItem('a')?.expiration ?? 0) - cache.now()).toBe(1_000)
    time = 5_400
    expect(cache.now()).toBe(5_400)
  })
})
