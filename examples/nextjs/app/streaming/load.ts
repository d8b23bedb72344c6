import type { Value } from '../value'

// How many times the server loaded each key, for as long as it runs (shown in the page).
const loads = new Map<string, number>()

/**
 * A fetcher that works on both sides: during the server render it loads the value itself (here a
 * string built from the key, after `delay` ms: a database, say), so poche can stream it to the
 * browser; in the browser it would GET /api/value, which counts browser requests (the check
 * expects none for these keys).
 */
export const loadStreamed =
  (key: string, delay: number) =>
  async (signal: AbortSignal): Promise<Value> => {
    if (typeof window !== 'undefined') {
      const response = await fetch(`/api/value?key=${encodeURIComponent(key)}`, { signal })
      return (await response.json()) as Value
    }
    const load = (loads.get(key) ?? 0) + 1
    loads.set(key, load)
    await new Promise((resolve) => setTimeout(resolve, delay))
    return { key, value: `value of ${key}`, source: 'stream', request: load }
  }
