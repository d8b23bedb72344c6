import type { Value } from '../value'

// How many times the server loaded each key, for as long as it runs (shown in the page, so a
// reader can tell a value prefetched for this request from one fetched in the browser).
const loads = new Map<string, number>()

/**
 * Loads the value of `key` on the server, from the source that GET /api/value serves (here a
 * string built from the key, after a short wait), without an HTTP request to the app's own route.
 */
export async function loadValue(key: string): Promise<Value> {
  const load = (loads.get(key) ?? 0) + 1
  loads.set(key, load)
  await new Promise((resolve) => setTimeout(resolve, 50))
  return { key, value: `value of ${key}`, source: 'prefetch', request: load }
}
