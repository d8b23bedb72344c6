// The default clock obeys every common fake clock at once: the very next read after the time is
// moved, in the same synchronous block, sees the new time, and the expiry timer fires under it.
import { ModernFakeTimers } from '@jest/fake-timers'
import FakeTimers from '@sinonjs/fake-timers'
import { afterEach, expect, it, vi } from 'vitest'
import { Cache, type CacheEvent } from '../src/core/index'

afterEach(() => {
  vi.useRealTimers()
})

const expiries = (cache: Cache<string, number>): string[] => {
  const expired: string[] = []
  cache.onEvent((event: CacheEvent<string>) => {
    if (event.type === 'expire') expired.push(event.key)
  })
  return expired
}

it('vitest: setSystemTime is seen by the very next read, in the same synchronous block', () => {
  vi.useFakeTimers()
  const cache = new Cache<string, number>()
  cache.set('a', 1, 1000)
  expect(cache.has('a')).toBe(true)
  vi.setSystemTime(Date.now() + 5000)
  expect(cache.has('a')).toBe(false)
  expect(() => cache.get('a')).toThrow('no live entry for key "a"')
})

it('vitest: advanceTimersByTime moves reads and fires the expiry timer', () => {
  vi.useFakeTimers()
  const cache = new Cache<string, number>()
  const expired = expiries(cache)
  cache.set('a', 1, 1000)
  cache.set('b', 2, 3000)
  vi.advanceTimersByTime(999)
  expect(cache.getItem('a')?.value).toBe(1)
  vi.advanceTimersByTime(1)
  expect(expired).toEqual(['a'])
  expect(cache.keys()).toEqual(['b'])
  vi.advanceTimersByTime(2000)
  expect(expired).toEqual(['a', 'b'])
  expect(vi.getTimerCount()).toBe(0)
})

it('vitest: setSystemTime without fake timers (only Date mocked) is seen at once', () => {
  const cache = new Cache<string, number>()
  cache.set('a', 1, 1000)
  vi.setSystemTime(Date.now() + 1000)
  expect(cache.has('a')).toBe(false)
  cache.dispose()
})

it('a cache made before the fake clock is installed obeys it too', () => {
  const cache = new Cache<string, number>()
  cache.has('x') // a reading taken with the real clock, in this same run
  vi.useFakeTimers({ now: 0 })
  cache.set('a', 1, 1000)
  expect(cache.getItem('a')?.expiration).toBe(1000)
  vi.advanceTimersByTime(1000)
  expect(cache.has('a')).toBe(false)
})

it('@sinonjs/fake-timers: install(), then tick and setSystemTime', () => {
  const clock = FakeTimers.install({ now: 1_000_000 })
  try {
    const cache = new Cache<string, number>()
    const expired = expiries(cache)
    cache.set('a', 1, 1000)
    cache.set('b', 2, 5000)
    clock.tick(999)
    expect(cache.has('a')).toBe(true)
    clock.tick(1)
    expect(expired).toEqual(['a'])
    clock.setSystemTime(1_000_000 + 5000)
    // setSystemTime fires no timer: the read itself finds b expired.
    expect(cache.has('b')).toBe(false)
    expect(expired).toEqual(['a', 'b'])
    expect(clock.countTimers()).toBe(0)
  } finally {
    clock.uninstall()
  }
})

it("Jest's modern fake timers: advanceTimersByTime and setSystemTime", () => {
  const timers = new ModernFakeTimers({ global: globalThis, config: { rootDir: '/', testMatch: [] } as never })
  timers.useFakeTimers()
  try {
    timers.setSystemTime(0)
    const cache = new Cache<string, number>()
    const expired = expiries(cache)
    cache.set('a', 1, 1000)
    cache.set('b', 2, 60_000)
    timers.advanceTimersByTime(1000)
    expect(expired).toEqual(['a'])
    timers.setSystemTime(60_000)
    expect(cache.has('b')).toBe(false)
    expect(timers.getTimerCount()).toBe(0)
  } finally {
    timers.useRealTimers()
  }
})

it('back on the real clock after fake timers, reads use real time again', () => {
  vi.useFakeTimers({ now: 0 })
  const cache = new Cache<string, number>()
  cache.set('a', 1, 1000)
  vi.useRealTimers()
  // Real time is far past 1000 ms since the epoch.
  expect(cache.has('a')).toBe(false)
  cache.set('b', 1, 60_000)
  expect(cache.getItem('b')?.expiration).toBeGreaterThan(Date.now() + 59_000)
  cache.dispose()
})

it('a fake queueMicrotask with the real Date (Jest, doNotFake: Date) never leaves a stale reading', async () => {
  const timers = new ModernFakeTimers({ global: globalThis, config: { rootDir: '/', testMatch: [] } as never })
  timers.useFakeTimers({ doNotFake: ['Date'] })
  try {
    const cache = new Cache<string, number>()
    cache.set('a', 1, 20)
    // Real time passes while the fake queueMicrotask never runs anything.
    await new Promise<void>((resolve) => {
      const start = Date.now()
      const wait = (): void => {
        if (Date.now() - start > 40) resolve()
        else void Promise.resolve().then(wait)
      }
      wait()
    })
    expect(cache.has('a')).toBe(false)
  } finally {
    timers.useRealTimers()
  }
})
