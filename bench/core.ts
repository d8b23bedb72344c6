// The core sections, over the stores below: heap per entry, active expiry, and single operations as a ratio to Map.
import { performance } from 'node:perf_hooks'
import { TTLCache } from '@isaacs/ttlcache'
import { LRUCache } from 'lru-cache'
import NodeCache from 'node-cache'
import QuickLRU from 'quick-lru'
import { Bench } from 'tinybench'
import { Cache } from '../src/core/index'
import type * as Loops from './loops'
import { median } from './stats'
export const TTL = 60_000
// Where a store differs from Map: `ops` (a miss: a read that doesn't throw), `dispose` (its timers), `deleteBlind`.
type Own<S> = { ops?: { [op in Loops.Name]?: Loops.Op<S> }; dispose?(store: S): void; deleteBlind?: true }
const peer = <S>(name: string, make: (capacity: number) => S, own: Own<S> = {}) => ({ name, make, ...own }) as Peer
export type Peer = { name: string; make(capacity: number): unknown } & Own<unknown>
export const peers = [
  peer('Map', () => new Map<string, number>()),
  peer('poche', () => new Cache<string, number>(), {
    ops: { set: (c, k, v) => c.set(k, v, TTL), miss: (c, k) => c.getItem(k) }, // its `get` throws on a miss
    dispose: (c) => c.dispose(),
  }),
  peer('lru-cache', (capacity) => new LRUCache<string, number>({ max: capacity, ttl: TTL })),
  peer('@isaacs/ttlcache', () => new TTLCache<string, number>({ ttl: TTL }), { dispose: (c) => c.cancelTimer() }),
  peer('node-cache', () => new NodeCache({ stdTTL: TTL / 1000, checkperiod: 0, useClones: false }), {
    ops: { delete: (c, k) => c.del(k) },
    dispose: (c) => c.close(),
  }),
  // quick-lru's delete does not look at the entry (so it could not tell a missing key): left out of that comparison
  peer('quick-lru', (max) => new QuickLRU<string, number>({ maxSize: max, maxAge: TTL }), { deleteBlind: true }),
]
const gc = () => globalThis.gc?.()
const copies = new Map<string, ReturnType<typeof Loops.loopOf>>()
const load = (peer: string, op: string): Promise<typeof Loops> => import(`./loops.ts?${encodeURIComponent(peer)}.${op}`)
// 'fill' is a set loop of its own that fills stores, so the timed set loop's feedback is its task's alone.
type Copy = Loops.Name | 'fill'
for (const [i, { name, ops }] of peers.entries())
  for (const copy of ['fill', 'set', 'get', 'miss', 'has', 'delete'] as const) {
    const op = copy === 'fill' ? 'set' : copy
    copies.set(`${i} ${copy}`, (await load(name, copy)).loopOf(op, ops?.[op] as Loops.Op<unknown> | undefined))
  }
const loop = (i: number, copy: Copy) => copies.get(`${i} ${copy}`) as ReturnType<typeof Loops.loopOf>
/** Bytes per entry at 1M entries (JS heap plus ArrayBuffer contents), keys made first, each store alone. */
export function memory() {
  if (!globalThis.gc) throw new Error('run with node --expose-gc')
  const keys = Array.from({ length: 1_000_000 }, (_, i) => `key:${i}`)
  const heap = () => {
    gc()
    gc()
    const { heapUsed, arrayBuffers } = process.memoryUsage()
    return heapUsed + arrayBuffers
  }
  // A function of its own, so that no stack slot of the caller still holds a store while the next is measured.
  const measure = (i: number) => {
    const [before, store] = [heap(), peers[i].make(keys.length)]
    loop(i, 'fill')(store, keys, keys.length)
    const bytes = heap() - before
    if (loop(i, 'has')(store, keys, keys.length) !== true) throw new Error(`${peers[i].name} lost entries`)
    peers[i].dispose?.(store)
    return bytes / keys.length
  }
  const bytes = peers.map((_, i) => measure(i))
  return peers.map(({ name }, i) => ({ name, bytes: bytes[i], ratio: bytes[i] / bytes[0] }))
}
const N = 100_000
const keys = Array.from({ length: N }, (_, i) => `key:${i}`)
const missing = Array.from({ length: N }, (_, i) => `missing:${i}`)
new Set([...keys, ...missing]) // strings cache their hash on first use: pay for it here, not in a store
const ttls = Array.from({ length: N }, (_, i) => 10 + ((i * 7919) % 991)) // 991 TTLs, 10–1000 ms, scrambled
const LONGEST_TTL = ttls.reduce((a, b) => Math.max(a, b))
/** The contestants of the expiry section: `start` fills a cache, calls `gone` per expired entry, returns its stop. */
type Start = (gone: () => void) => () => void
const expiring: { name: string; note: string; start: Start }[] = []
const contestant = (name: string, note: string, start: Start) => expiring.push({ name, note, start })
contestant('floor', 'a bare Map: one lookup and one delete per key at its deadline', (gone) => {
  const map = new Map<string, number>()
  const values: number[] = []
  const buckets = new Map<number, string[]>()
  const base = Date.now()
  for (let i = 0; i < N; i++) {
    map.set(keys[i], i)
    values[i] = i
    const bucket = buckets.get(ttls[i])
    if (bucket) bucket.push(keys[i])
    else buckets.set(ttls[i], [keys[i]])
  }
  const times = [...buckets.keys()].sort((a, b) => a - b)
  let next = 0
  const fire = () => {
    const now = Date.now() - base
    for (; next < times.length && times[next] <= now; next++)
      for (const key of buckets.get(times[next]) ?? []) {
        values[map.get(key) as number] = -1
        map.delete(key)
        gone()
      }
    if (next < times.length) timer = setTimeout(fire, times[next] - now).unref()
  }
  let timer = setTimeout(fire, times[0]).unref()
  return () => clearTimeout(timer)
})
contestant('poche', 'one timer for the whole cache', (gone) => {
  const cache = new Cache<string, number>()
  cache.onEvent((e) => e.type === 'expire' && gone())
  for (let i = 0; i < N; i++) cache.set(keys[i], i, ttls[i])
  return () => cache.dispose()
})
contestant('@isaacs/ttlcache', 'one timer, buckets per expiration', (gone) => {
  const cache = new TTLCache<string, number>({ dispose: (_v, _k, reason) => reason === 'stale' && gone() })
  for (let i = 0; i < N; i++) cache.set(keys[i], i, { ttl: ttls[i] })
  return () => cache.cancelTimer()
})
contestant('lru-cache', 'ttlAutopurge: a timer per entry', (gone) => {
  const dispose = (_v: number, _k: string, reason: string) => reason === 'expire' && gone()
  const cache = new LRUCache<string, number>({ max: N, ttl: 1000, ttlAutopurge: true, dispose })
  for (let i = 0; i < N; i++) cache.set(keys[i], i, { ttl: ttls[i] })
  return () => cache.clear()
})
contestant('node-cache', 'sweeps everything every checkperiod (1 s)', (gone) => {
  const cache = new NodeCache({ checkperiod: 1, useClones: false }).on('expired', () => gone())
  for (let i = 0; i < N; i++) cache.set(keys[i], i, ttls[i] / 1000)
  return () => cache.close()
})
/** One run: event-loop time from the first write until the last entry is gone, and the timers made meanwhile. */
async function expireOnce(start: Start, kept: (() => void)[]) {
  const { setTimeout: realSet, clearTimeout: realClear } = globalThis
  const keepAlive = setInterval(() => {}, 1000) // the caches' own timers are unref'd
  const pending = new Set<unknown>()
  let [created, maxPending, remaining] = [0, 0, N]
  const setTimeout = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = realSet(() => {
      pending.delete(handle)
      callback(...args)
    }, ms)
    maxPending = Math.max(maxPending, pending.add(handle).size)
    created++
    return handle
  }
  const clearTimeout = (handle: NodeJS.Timeout) => {
    pending.delete(handle)
    realClear(handle)
  }
  Object.assign(globalThis, { setTimeout, clearTimeout })
  const [wall, before] = [performance.now(), performance.eventLoopUtilization()]
  // A contestant that loses an entry must not hang the run: it ends a while after the longest TTL, and the entries
  // never announced gone are counted (lru-cache's autopurge was seen to keep one now and then).
  let deadline: NodeJS.Timeout | undefined
  await new Promise<void>((done) => {
    deadline = realSet(done, LONGEST_TTL + 2000)
    kept.push(start(() => --remaining === 0 && done()))
  })
  realClear(deadline)
  kept[kept.length - 1]()
  const [busyMs, wallMs] = [performance.eventLoopUtilization(before).active, performance.now() - wall]
  Object.assign(globalThis, { setTimeout: realSet, clearTimeout: realClear })
  clearInterval(keepAlive)
  return { busyMs, wallMs, created, maxPending, missed: remaining }
}
// Each contestant a warm-up run then `runs` runs, every run's cache kept reachable until it is done (see `operations`).
export async function expiry(runs: number) {
  const results = []
  for (const { name, note, start } of expiring) {
    const [kept, all]: [(() => void)[], Awaited<ReturnType<typeof expireOnce>>[]] = [[], []]
    await expireOnce(start, kept)
    for (let run = 0; run < runs; run++) {
      gc()
      all.push(await expireOnce(start, kept))
    }
    const [busyMs, wallMs] = [median(all.map((e) => e.busyMs)), median(all.map((e) => e.wallMs))]
    const [created, maxPending] = [Math.max(...all.map((e) => e.created)), Math.max(...all.map((e) => e.maxPending))]
    const missed = Math.max(...all.map((e) => e.missed))
    results.push({ name, note, busyMs, wallMs, created, maxPending, missed })
  }
  return results
}
/** The operations: a loop on a store filled first or not, made before every iteration (`fresh`) or once. */
const operationList: { name: string; op: Loops.Name; filled: boolean; fresh: boolean; keys?: string[] }[] = [
  { name: 'set 100k new keys', op: 'set', filled: false, fresh: true },
  { name: 'get hit', op: 'get', filled: true, fresh: false },
  { name: 'get miss', op: 'miss', filled: true, fresh: false, keys: missing },
  { name: 'has', op: 'has', filled: true, fresh: false },
  { name: 'delete', op: 'delete', filled: true, fresh: true },
  { name: 'overwrite', op: 'set', filled: true, fresh: false },
]
// Each round runs every peer, in a new order, in one tinybench run; a figure: the median over rounds of Map's time ÷
// the peer's. One store of each kind stays alive throughout, as an app's cache does: a forced collection that finds no
// instance of a class frees its hidden classes and the code optimised for them, and the next store would start cold.
export async function operations(rounds: number) {
  const residents = peers.map((p) => p.make(N * 2))
  for (const [i, store] of residents.entries()) loop(i, 'fill')(store, keys, 16)
  const results = []
  for (const { name, op, filled, fresh, keys: list = keys } of operationList) {
    const ratios = peers.map((): number[] => [])
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: 50, iterations: 8, warmupTime: 10, warmupIterations: 2, throws: true })
      for (let j = 0; j < peers.length; j++) {
        const i = (j + round) % peers.length
        const { name, make, dispose } = peers[i]
        let store: unknown
        const setUp = () => {
          if (!fresh) gc() // a task on one store collects first; one on fresh stores collects in beforeAll
          store = make(N * 2)
          if (filled) loop(i, 'fill')(store, keys, N)
        }
        const drop = () => dispose?.(store)
        const hooks = fresh
          ? { beforeAll: gc, beforeEach: setUp, afterEach: drop }
          : { beforeAll: setUp, afterAll: drop }
        const [run, passes] = [loop(i, op), fresh ? 1 : 10]
        bench.add(name, () => void run(store, list, N, passes), hooks)
      }
      await bench.run()
      const time = (name: string) => {
        const result = bench.getTask(name)?.result
        return result?.state === 'completed' ? result.latency.p50 : Number.NaN
      }
      for (const [i, p] of peers.entries()) ratios[i].push(time('Map') / time(p.name))
    }
    results.push({ name, ratios: ratios.map(median) })
  }
  for (const [i, store] of residents.entries()) peers[i].dispose?.(store)
  return results
}
