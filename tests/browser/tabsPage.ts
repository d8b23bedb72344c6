// The script of the page that tests/browser/tabs.test.ts opens in Chromium tabs, bundled on the
// fly with esbuild: starts an app's cache the way an app would (persisted to the real localStorage,
// synced over the real BroadcastChannel) and exposes it to the test.
import { beginOptimistic, Cache } from '../../src/core/index'
import { type Persistence, persistCache, syncTabs } from '../../src/persist/index'

export interface StartOptions {
  /** Persist under this localStorage key; `null` for no persistence. Default 'app'. */
  persistAs?: string | null
  /** Sync with the other tabs. Default true. */
  sync?: boolean
  throttle?: number
}

declare global {
  interface Window {
    cache: Cache<string, unknown>
    persistence: Persistence | undefined
    /** Every problem reported to onError, as "name: message". */
    problems: string[]
    start(options?: StartOptions): void
    beginOptimistic: typeof beginOptimistic
  }
}

window.problems = []
window.beginOptimistic = beginOptimistic
window.start = ({ persistAs = 'app', sync = true, throttle }: StartOptions = {}) => {
  const onError = (error: unknown) => {
    window.problems.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
  }
  window.cache = new Cache<string, unknown>()
  window.persistence =
    persistAs === null ? undefined : persistCache(window.cache, { name: persistAs, throttle, onError })
  if (sync) syncTabs(window.cache, { onError })
}
