/** What GET /api/value?key=K serves, and what the prefetch page loads on the server. */
export interface Value {
  key: string
  value: string
  /**
   * Where it came from: the route handler (`route`), a server component's prefetch (`prefetch`), or
   * the streaming page's server-side load (`stream`).
   */
  source: 'route' | 'prefetch' | 'stream'
  /** How many times that source has served this key so far, this one included. */
  request: number
}

/**
 * A fetcher for `useCachedAsync` and `useSuspenseCachedValue`: GET /api/value?key=K. The URL is
 * relative, so it only works in the browser; during the server render of a client component it
 * rejects (and poche drops that entry), which is why the prefetch page loads its keys itself.
 */
export const fetchValue =
  (key: string) =>
  async (signal: AbortSignal): Promise<Value> => {
    const response = await fetch(`/api/value?key=${encodeURIComponent(key)}`, { signal })
    if (!response.ok) throw new Error(`GET /api/value?key=${key}: ${response.status}`)
    return (await response.json()) as Value
  }
