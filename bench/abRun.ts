// One side of `npm run bench -- --ab`: times the core operations of one built poche/core (the path in argv[2]) and
// prints the best ms of each operation's timed runs as JSON. A process loads one build only, so nothing the other
// build taught V8 (hidden classes, inline caches, optimised code) reaches this one; bench/ab.ts runs the two sides in
// alternating processes.

import type { Cache as CacheClass } from '../src/core/index'

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
/**
 * Reads as an app's code makes them: several per function, among other work. V8 inlines a callee only while the
 * caller's inlined bytecode stays within a budget, so a read that carries more bytecode stops being inlined here
 * long before it does in a loop of one read (see the comment in Cache.get).
 */
const busyCaller = (c: Cache) => {
  let sum = 0
  for (let p = 0; p < PASSES / 4; p++)
    for (let i = 0; i < N - 3; i++) {
      sum += c.get(keys[i]) + c.get(keys[i + 1]) + c.get(keys[i + 2]) + c.get(keys[i + 3])
      if (c.has(keys[i])) sum++
      if (c.has(keys[i + 3])) sum++
    }
  return sum
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
/**
 * The fastest of `reps` timed calls of `run` on what `prepare` makes (prepared outside the timing), in ms. The best
 * rather than the median: on a shared machine, other work slows some runs for tens of ms at a time and never speeds
 * one up, so the fastest run is the one nearest to the build's own speed.
 */
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
  return Math.min(...samples)
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
  '4 gets + 2 has per call (TTL)': time(() => withTtl, busyCaller),
  'has miss': time(() => withTtl, hasMiss),
  delete: time(() => filled(TTL), deleteAll),
}
for (const cache of [withTtl, forever]) cache.dispose()
process.stdout.write(`${JSON.stringify(results)}\n`)
