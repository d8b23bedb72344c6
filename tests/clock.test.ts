import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { Cache } from '../src/core/index'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the default clock', () => {
  // A Proxy of the native Date.now still prints as native code, so it stands in for the engine's
  // own function while counting calls (a vi.spyOn replacement is a fake clock, read every time).
  const countNativeReads = () => {
    const native = Date.now
    const counter = { calls: 0 }
    Date.now = new Proxy(native, {
      apply(target, self, args) {
        counter.calls++
        return Reflect.apply(target, self, args)
      },
    })
    onTestFinished(() => {
      Date.now = native
    })
    return counter
  }

  it('with the native Date.now, reads it once per synchronous run and again after the run yields', async () => {
    const reads = countNativeReads()
    const cache = new Cache<number, number>()
    for (let i = 0; i < 1000; i++) cache.set(i, i, 60_000)
    for (let i = 0; i < 1000; i++) cache.get(i)
    expect(reads.calls).toBe(1)
    await Promise.resolve()
    cache.get(1)
    expect(reads.calls).toBe(2)
    cache.dispose()
  })

  it('with a Date.now that is not native (a fake clock), reads it every time', () => {
    const now = vi.spyOn(Date, 'now')
    const cache = new Cache<number, number>()
    for (let i = 0; i < 10; i++) cache.set(i, i, 60_000)
    expect(now.mock.calls.length).toBeGreaterThanOrEqual(10)
    cache.dispose()
  })

  it('never reads the time for entries that cannot expire', () => {
    const reads = countNativeReads()
    const cache = new Cache<string, number>()
    cache.set('a', 1)
    cache.get('a')
    cache.has('a')
    expect(reads.calls).toBe(0)
  })

  it('obeys vi.useFakeTimers() installed after the module was imported', async () => {
    vi.useFakeTimers()
    const cache = new Cache<string, number>()
    const expired: string[] = []
    cache.onEvent((e) => e.type === 'expire' && expired.push(e.key))
    cache.set('a', 1, 1000)
    vi.advanceTimersByTime(999)
    expect(cache.get('a')).toBe(1)
    vi.advanceTimersByTime(1)
    expect(expired).toEqual(['a'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('refreshes the shared reading when the timer fires, inside one synchronous run', () => {
    vi.useFakeTimers()
    const cache = new Cache<string, number>()
    cache.set('a', 1, 100)
    cache.set('b', 2, 300)
    vi.advanceTimersByTime(100)
    cache.set('c', 3, 100) // counted from the refreshed time, not the start of the run
    vi.advanceTimersByTime(99)
    expect(cache.has('c')).toBe(true)
    vi.advanceTimersByTime(1)
    expect(cache.has('c')).toBe(false)
    expect(cache.has('b')).toBe(true)
  })

  it('unrefs its timer so it never keeps a Node process alive', () => {
    const unref = vi.fn()
    vi.spyOn(globalThis, 'setTimeout').mockImplementation((() => ({ unref })) as never)
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation(() => {})
    const cache = new Cache<string, number>()
    cache.set('a', 1, 100)
    expect(unref).toHaveBeenCalledTimes(1)
  })

  it('lets an injected clock be read every time the time is needed', () => {
    let time = 0
    const now = vi.fn(() => time)
    const cache = new Cache<string, number>({ clock: { now, setTimeout: () => 0, clearTimeout: () => {} } })
    cache.set('a', 1, 10)
    time = 10
    expect(cache.has('a')).toBe(false)
  })
})
