import { describe, expect, it } from 'vitest'
import { Cache } from '../src/core/index'

describe('listener counts and the maxSize option, as devtools read them', () => {
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
})
