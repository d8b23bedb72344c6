// Storage that is missing, throws on access, or is full never throws into the app and never harms
// the cache in memory; each problem is reported once (onError, or console.error without it), and
// a full storage is tried again at the next write.
import { afterEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { persistCache } from '../../src/persist/index'
import { FakeStorage, quotaExceeded, recordConsoleErrors } from './fakes'
import { setUpFakeTimers } from './pages'

setUpFakeTimers()
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage
})

it('without storage (a server: no localStorage) it reports once, and the cache works as before', () => {
  expect(globalThis.localStorage).toBeUndefined()
  const onError = vi.fn()
  const cache = new Cache<string, number>()
  cache.set('before', 1)
  const persistence = persistCache(cache, { name: 'app', onError })
  for (let i = 0; i < 10; i++) cache.set(`k${i}`, i)
  vi.advanceTimersByTime(1_000)
  persistence.flush()
  persistence.hydrate()
  persistence.clear()
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(Error)
  expect(String(onError.mock.calls[0]?.[0])).toMatch(/localStorage/)
  expect(cache.size).toBe(11)
})

it('localStorage that throws on access (a private mode) is reported once; nothing throws', () => {
  const denied = new DOMException('The operation is insecure.', 'SecurityError')
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw denied
    },
  })
  const onError = vi.fn()
  const cache = new Cache<string, number>()
  persistCache(cache, { name: 'app', onError })
  cache.set('a', 1)
  vi.advanceTimersByTime(1_000)
  cache.set('a', 2)
  vi.advanceTimersByTime(1_000)
  expect(onError.mock.calls).toEqual([[denied]])
  expect(cache.get('a')).toBe(2)
})

it('is read from globalThis.localStorage when no storage is given, looked up when needed', () => {
  const storage = new FakeStorage()
  storage.data.set('app', '{"version":0,"snapshot":{"version":1,"entries":[["a",1,null]]}}')
  Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: storage })
  const cache = new Cache<string, number>()
  persistCache(cache, { name: 'app' })
  expect(cache.get('a')).toBe(1)
})

it('getItem throwing is reported once; the cache keeps what it had', () => {
  const storage = new FakeStorage()
  storage.failReads = new Error('storage is broken')
  const onError = vi.fn()
  const cache = new Cache<string, number>()
  cache.set('mine', 1)
  const persistence = persistCache(cache, { name: 'app', storage, onError })
  persistence.hydrate()
  expect(onError.mock.calls).toEqual([[storage.failReads]])
  expect(cache.items()).toEqual([['mine', { value: 1, expiration: null }]])
})

it('QuotaExceededError is reported once, memory is unaffected, and the next write tries again', () => {
  const storage = new FakeStorage()
  const onError = vi.fn()
  const cache = new Cache<string, string>()
  persistCache(cache, { name: 'app', storage, onError })
  cache.set('small', 'ok')
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([['small', 'ok', null]])

  storage.failWrites = quotaExceeded()
  cache.set('big', 'x'.repeat(1_000))
  vi.advanceTimersByTime(1_000)
  cache.set('bigger', 'y'.repeat(1_000))
  vi.advanceTimersByTime(1_000)
  expect(storage.setCalls).toBe(3) // each change tried again
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0]?.[0]).toMatchObject({ name: 'QuotaExceededError' })
  expect(cache.keys()).toEqual(['small', 'big', 'bigger'])
  expect(storage.record().snapshot.entries).toEqual([['small', 'ok', null]]) // the old record stays

  storage.failWrites = undefined
  cache.delete('bigger')
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries.map(([key]) => key)).toEqual(['small', 'big'])

  // Full again after a write went through: a new episode, told again.
  storage.failWrites = quotaExceeded()
  cache.set('more', 'z')
  vi.advanceTimersByTime(1_000)
  expect(onError).toHaveBeenCalledTimes(2)
})

it('a write that failed is tried again by flush() (as on pagehide) without a new change', () => {
  const storage = new FakeStorage()
  const onError = vi.fn()
  const cache = new Cache<string, number>()
  const persistence = persistCache(cache, { name: 'app', storage, onError })
  storage.failWrites = quotaExceeded()
  cache.set('a', 1)
  vi.advanceTimersByTime(1_000)
  storage.failWrites = undefined
  persistence.flush()
  expect(storage.record().snapshot.entries).toEqual([['a', 1, null]])
})

it('without onError, each problem goes to console.error once, named as poche/persist’s', () => {
  const calls = recordConsoleErrors()
  const storage = new FakeStorage()
  const cache = new Cache<string, number>()
  persistCache(cache, { name: 'app', storage })
  storage.failWrites = quotaExceeded()
  for (let i = 0; i < 5; i++) {
    cache.set('a', i)
    vi.advanceTimersByTime(1_000)
  }
  expect(calls).toHaveLength(1)
  expect(calls[0]?.[0]).toBe('poche/persist:')
  expect(calls[0]?.[1]).toMatchObject({ name: 'QuotaExceededError' })
})

it('an onError that throws does not throw into the app: its error is thrown again in a microtask', async () => {
  const storage = new FakeStorage()
  storage.data.set('app', 'not json')
  const thrown = new Error('from onError')
  const uncaught: unknown[] = []
  const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => {
    try {
      callback()
    } catch (error) {
      uncaught.push(error)
    }
  })
  const cache = new Cache<string, number>()
  expect(() =>
    persistCache(cache, {
      name: 'app',
      storage,
      onError: () => {
        throw thrown
      },
    }),
  ).not.toThrow()
  queue.mockRestore()
  expect(uncaught).toEqual([thrown])
})
