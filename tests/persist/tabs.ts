// Tabs for the tests of syncTabs: each test gets a fresh bus in place of the global
// BroadcastChannel, and every tab a test syncs is stopped when it ends.
import { afterEach, beforeEach, vi } from 'vitest'
import { Cache, type CacheOptions } from '../../src/core/index'
import { type SyncTabsOptions, syncTabs } from '../../src/persist/index'
import { installBus } from './fakes'

/**
 * Call at the top of a test file. Before each test a fresh bus is installed (`bus`); after it,
 * every tab synced through `sync` or `open` is stopped and the globals are restored.
 */
export function setUpTabs() {
  let bus: ReturnType<typeof installBus>
  let stops: (() => void)[] = []
  beforeEach(() => {
    bus = installBus()
  })
  afterEach(() => {
    close()
    vi.unstubAllGlobals()
  })

  /** Stops every tab synced so far. */
  const close = () => {
    for (const stop of stops) stop()
    stops = []
  }

  /** Syncs `cache` until the end of the test (or `close()`), and returns it. */
  const sync = <K, V>(cache: Cache<K, V>, options?: SyncTabsOptions): Cache<K, V> => {
    stops.push(syncTabs(cache, options))
    return cache
  }

  return {
    /** The bus of the running test. */
    get bus() {
      return bus
    },
    sync,
    close,
    /** `count` new caches made with `options`, each synced until the end of the test. */
    open: <K = string, V = unknown>(count: number, options?: CacheOptions) =>
      Array.from({ length: count }, () => sync(new Cache<K, V>(options))),
  }
}
