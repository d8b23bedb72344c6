// One side of `npm run bench -- --ab`: times the core operations of one built poche/core (the path in argv[2]) and
// prints the median ms of each timed run as JSON. A process loads one build only, so nothing the other build taught V8 (hidden
// classes, inline caches, optimised code) reaches this one; bench/ab.ts runs the two sides in alternating processes.

import type { Cache as CacheClass } from '../src/core/index'
import { median } from './stats'

type Cache = CacheClass<string, number>
const N = 100_000
const TTL = 60_000
const REPS = 9
/** Reads go over the keys this many times per timed run: 2M reads, long enough for the optimising compiler. */
const PASSES = 20
const keys = Array.from({ length: N }, (_, i) => `key:${i}`)
const missing = Array.from({ length: N }, (_, i) => `missing:${i}`)
new Set([...keys, ...missing]) // strings cache their hash on first use: pay for it here

const { Cache } = (await import(process.argv[2])) as { Cache: typeof CacheClass }

// One function per operation, each called with one cache shape, so each loop is as monomorphic as an app's own.
const setNew = (c: Cache) => {
  for (let i = 0; i < N; i++) c.set(keys[i], i)
}
const overwrite = (c: Cache) => {
  for (let i = 0; i < N; i++) c.set(keys[i], i + 1)
}
const getTtl = (c: Cache) => {
  let sum = 0
  for (let p = 0; p < PASSES; p++) for (let i = 0; i < N; i++) sum += c.get(keys[i])
  return sum
}
const getForever = (c: Cache) => {
  let sum = 0
  for (let p = 0; p < PASSES; p++) for (let i = 0; i < N; i++) sum += c.get(keys[i])
  return sum
}
const hasTtl = (c: Cache) => {
  let found = 0
  for (let p = 0; p < PASSES; p++) for (let i = 0; i < N; i++) if (c.has(keys[i])) found++
  return found
}
const hasForever = (c: Cache) => {
  let found = 0
  for (let p = 0; p < PASSES; p++) for (let i = 0; i < N; i++) if (c.has(keys[i])) found++
  return found
}
const hasMiss = (c: Cache) => {
  let found = 0
  for (let p = 0; p < PASSES; p++) for (let i = 0; i < N; i++) if (c.has(missing[i])) found++
  return found
}
const deleteAll = (c: Cache) => {
  for (let i = 0; i < N; i++) c.delete(keys[i])
}

const filled = (defaultTtl: number | null) => {
  const cache = new Cache({ defaultTtl }) as Cache
  setNew(cache)
  return cache
}
/** Median ms of `reps` timed calls of `run` on what `prepare` makes (prepared outside the timing). */
function time<S>(prepare: () => S, run: (s: S) => unknown, reps = REPS): number {
  const samples: number[] = []
  let sink: unknown
  for (let r = 0; r < reps + 2; r++) {
    const subject = prepare()
    const start = performance.now()
    sink = run(subject)
    if (r >= 2) samples.push(performance.now() - start) // two warm-up runs
  }
  if (sink === -1) console.log(sink)
  return median(samples)
}
const withTtl = filled(TTL)
const forever = filled(null)
const results: Record<string, number> = {
  'set 100k new keys': time(() => new Cache({ defaultTtl: TTL }) as Cache, setNew),
  overwrite: time(() => withTtl, overwrite),
  'get hit (TTL)': time(() => withTtl, getTtl),
  'get hit (no TTL)': time(() => forever, getForever),
  'has hit (TTL)': time(() => withTtl, hasTtl),
  'has hit (no TTL)': time(() => forever, hasForever),
  'has miss': time(() => withTtl, hasMiss),
  delete: time(() => filled(TTL), deleteAll),
}
for (const cache of [withTtl, forever]) cache.dispose()
process.stdout.write(`${JSON.stringify(results)}\n`)
