// Active expiry of 100k entries with TTLs spread over 10–1000 ms: how much event-loop time each
// cache spends until every entry is gone, and how many timers it creates along the way.
import { performance } from 'node:perf_hooks'
import { TTLCache } from '@isaacs/ttlcache'
import { LRUCache } from 'lru-cache'
import NodeCache from 'node-cache'
import { Cache } from '../src/core/index'
import { fixed, median, table } from './stats'

const N = 100_000
const keys = Array.from({ length: N }, (_, i) => `key:${i}`)
// A spread of 991 distinct TTLs from 10 to 1000 ms, in a scrambled order.
const ttls = Array.from({ length: N }, (_, i) => 10 + ((i * 7919) % 991))

interface Expiring {
  name: string
  note: string
  /** Fills the cache and calls `gone` once per expired entry; returns how to stop its timers. */
  start(gone: () => void): () => void
}

/**
 * What any cache keyed by a Map pays at least: a bare Map and value array, one bucket per
 * deadline, one timer armed for the next one; at each deadline every key is looked up, deleted
 * and reported. No validation, no events, no LRU, no guard against a late timer.
 */
const floor: Expiring = {
  name: 'floor',
  note: 'a bare Map: one lookup and one delete per key at its deadline',
  start: (gone) => {
    const map = new Map<string, number>()
    const values: number[] = []
    const buckets = new Map<number, string[]>()
    const base = Date.now()
    for (let i = 0; i < N; i++) {
      map.set(keys[i], i)
      values[i] = i
      const due = ttls[i]
      const bucket = buckets.get(due)
      if (bucket) bucket.push(keys[i])
      else buckets.set(due, [keys[i]])
    }
    const times = [...buckets.keys()].sort((a, b) => a - b)
    let next = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const fire = () => {
      const now = Date.now() - base
      for (; next < times.length && times[next] <= now; next++) {
        for (const key of buckets.get(times[next]) as string[]) {
          values[map.get(key) as number] = -1
          map.delete(key)
          gone()
        }
      }
      if (next < times.length) timer = setTimeout(fire, times[next] - now).unref()
    }
    timer = setTimeout(fire, times[0]).unref()
    return () => clearTimeout(timer)
  },
}

const contestants: Expiring[] = [
  floor,
  {
    name: 'poche',
    note: 'one timer for the whole cache',
    start: (gone) => {
      const cache = new Cache<string, number>()
      cache.onEvent((e) => e.type === 'expire' && gone())
      for (let i = 0; i < N; i++) cache.set(keys[i], i, ttls[i])
      return () => cache.dispose()
    },
  },
  {
    name: '@isaacs/ttlcache',
    note: 'one timer, buckets per expiration',
    start: (gone) => {
      const cache = new TTLCache<string, number>({ dispose: (_v, _k, reason) => reason === 'stale' && gone() })
      for (let i = 0; i < N; i++) cache.set(keys[i], i, { ttl: ttls[i] })
      return () => cache.cancelTimer()
    },
  },
  {
    name: 'lru-cache',
    note: 'ttlAutopurge: a timer per entry',
    start: (gone) => {
      const cache = new LRUCache<string, number>({
        max: N,
        ttl: 1000,
        ttlAutopurge: true,
        dispose: (_v, _k, reason) => reason === 'expire' && gone(),
      })
      for (let i = 0; i < N; i++) cache.set(keys[i], i, { ttl: ttls[i] })
      return () => cache.clear()
    },
  },
  {
    name: 'node-cache',
    note: 'sweeps everything every checkperiod (1 s)',
    start: (gone) => {
      const cache = new NodeCache({ checkperiod: 1, useClones: false })
      cache.on('expired', () => gone())
      for (let i = 0; i < N; i++) cache.set(keys[i], i, ttls[i] / 1000)
      return () => cache.close()
    },
  },
]

export interface ExpiryResult {
  name: string
  note: string
  busyMs: number
  wallMs: number
  timersCreated: number
  maxPending: number
}

/** Counts the timers created through the global setTimeout, and the most pending at once. */
function countTimers() {
  const realSet = globalThis.setTimeout
  const realClear = globalThis.clearTimeout
  const pending = new Set<unknown>()
  const counts = { created: 0, maxPending: 0 }
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    counts.created++
    const handle: unknown = realSet(
      (...a: unknown[]) => {
        pending.delete(handle)
        callback(...a)
      },
      ms,
      ...args,
    )
    pending.add(handle)
    counts.maxPending = Math.max(counts.maxPending, pending.size)
    return handle
  }) as typeof setTimeout
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(handle)
    realClear(handle)
  }) as typeof clearTimeout
  return {
    counts,
    restore: () => {
      globalThis.setTimeout = realSet
      globalThis.clearTimeout = realClear
    },
  }
}

async function runOnce(contestant: Expiring, kept: (() => void)[]): Promise<ExpiryResult> {
  // The caches' own timers are unref'd; this one keeps the process alive until the end.
  const keepAlive = setInterval(() => {}, 1000)
  const timers = countTimers()
  let remaining = N
  let done!: () => void
  const finished = new Promise<void>((resolve) => {
    done = resolve
  })
  // Event-loop time from the first write until the last entry is gone, the writes included.
  const wallStart = performance.now()
  const before = performance.eventLoopUtilization()
  const stop = contestant.start(() => {
    if (--remaining === 0) done()
  })
  await finished
  stop()
  kept.push(stop)
  const used = performance.eventLoopUtilization(before)
  const wallMs = performance.now() - wallStart
  timers.restore()
  clearInterval(keepAlive)
  return {
    name: contestant.name,
    note: contestant.note,
    busyMs: used.active,
    wallMs,
    timersCreated: timers.counts.created,
    maxPending: timers.counts.maxPending,
  }
}

export async function runExpiry(rounds: number): Promise<ExpiryResult[]> {
  const results: ExpiryResult[] = []
  for (const contestant of contestants) {
    const runs: ExpiryResult[] = []
    // Every run's cache, from an unmeasured warm-up on, stays reachable (its stop function holds
    // it) until this contestant is done, as an app's long-lived cache is. Otherwise the forced
    // collection before each run finds no instance of the class, frees its hidden classes and
    // throws away the code optimised for them, and every run would start on cold code.
    const kept: (() => void)[] = []
    await runOnce(contestant, kept)
    for (let round = 0; round < rounds; round++) {
      globalThis.gc?.()
      runs.push(await runOnce(contestant, kept))
    }
    kept.length = 0
    const result = {
      ...runs[0],
      busyMs: median(runs.map((r) => r.busyMs)),
      wallMs: median(runs.map((r) => r.wallMs)),
      timersCreated: Math.max(...runs.map((r) => r.timersCreated)),
      maxPending: Math.max(...runs.map((r) => r.maxPending)),
    }
    results.push(result)
    process.stdout.write(
      `  ${result.name}: ${fixed(result.busyMs, 1)} ms busy, ${result.timersCreated} timers created, at most ${result.maxPending} pending\n`,
    )
  }
  return results
}

export const expiryTable = (results: ExpiryResult[]): string =>
  table(
    ['cache', 'how it expires', 'event-loop busy (ms)', 'wall time (ms)', 'timers created', 'most timers pending'],
    results.map((r) => [
      r.name,
      r.note,
      fixed(r.busyMs, 1),
      fixed(r.wallMs, 0),
      String(r.timersCreated),
      String(r.maxPending),
    ]),
  )
