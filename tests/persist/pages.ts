// Pages for the tests of persistCache: fake timers for every test of a file, and a cache persisted
// to a fresh FakeStorage.
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { Cache, type CacheOptions } from '../../src/core/index'
import { type PersistOptions, persistCache } from '../../src/persist/index'
import { FakeStorage } from './fakes'

/** Call at the top of a test file: each test runs with fake timers from `now`, real ones after it. */
export function setUpFakeTimers(now = 1_700_000_000_000): void {
  beforeEach(() => {
    vi.useFakeTimers({ now })
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}

/** A new cache made with `cacheOptions`, persisted to a new FakeStorage under the name 'app'. */
export function persisted<V = unknown>(
  options: Omit<Partial<PersistOptions<string, V>>, 'name' | 'storage'> = {},
  cacheOptions?: CacheOptions,
) {
  const storage = new FakeStorage()
  const cache = new Cache<string, V>(cacheOptions)
  const persistence = persistCache(cache, { name: 'app', storage, ...options })
  return { storage, cache, persistence }
}

/** A persisted cache whose first write has happened, so that its next change waits for `throttle`. */
export function pendingWrite(throttle: number) {
  const page = persisted<number>({ throttle })
  page.cache.set('a', 1)
  vi.advanceTimersByTime(0)
  page.cache.set('a', 2)
  expect(page.storage.setCalls).toBe(1)
  return page
}
