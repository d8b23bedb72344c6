// npm run bench [-- section…]: every section (memory expiry operations react async focus size), or the ones named, in one
// process; a full run rewrites BENCHMARKS.md and README.md's comparison table. Exits 1 when a gate of targets.ts fails.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { expiry, memory, operations, peers, TTL } from './core'
import { pinning } from './pin'
import { table } from './stats'
import { targets } from './targets'

if (process.env.BENCH_PINNED === undefined) {
  // The whole run on one CPU (bench/pin.ts): its figures compare contestants timed one after another.
  const pin = pinning()
  if (pin.length) {
    const [command, ...args] = [...pin, process.execPath, ...process.execArgv, ...process.argv.slice(1)]
    const env = { ...process.env, BENCH_PINNED: pin[2] }
    process.exit(spawnSync(command as string, args, { stdio: 'inherit', env }).status ?? 1)
  }
}
const abAt = process.argv.indexOf('--ab')
if (abAt >= 0) {
  // npm run bench -- --ab <commit> [pairs]: an A/B of the core against an older build (bench/ab.ts), nothing else.
  const [commit, pairs = '10'] = process.argv.slice(abAt + 1)
  if (!commit) throw new Error('--ab needs a commit: npm run bench -- --ab <commit> [pairs]')
  ;(await import('./ab')).ab(commit, Number(pairs))
  process.exit(0)
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5) // BENCH_ROUNDS=1 for a quick try
const FEW = Math.min(ROUNDS, 3) // expiry runs and React rounds
const [chosen, root] = [process.argv.slice(2), new URL('..', import.meta.url)]
/** Runs section `id` when it was chosen, saying on stderr how long it took (a full run takes minutes). */
async function section<T>(id: string, f: () => T | Promise<T>): Promise<T | undefined> {
  if (chosen.length && !chosen.includes(id)) return undefined
  const start = performance.now()
  const result = await f()
  process.stderr.write(`${id}: ${((performance.now() - start) / 1000).toFixed(0)} s\n`)
  return result
}
/** The React sections, with React's production build (picked when React first loads), on a fresh jsdom document. */
async function react() {
  process.env.NODE_ENV = 'production'
  const { window } = new (await import('jsdom' as string)).JSDOM('<!doctype html><html><body></body></html>')
  Object.assign(globalThis, { window, document: window.document, navigator: window.navigator })
  return import('./react')
}
/** min+gzip bytes of every export of each package, bundled alike with React external; poche from dist/. */
async function sizes() {
  const packages = ['./dist/index.js', './dist/core.js', '@isaacs/ttlcache', 'zustand', 'jotai', 'lru-cache', 'swr']
  const names = ['poche', 'poche/core', '@isaacs/ttlcache', 'zustand', 'jotai', 'lru-cache', 'SWR', 'TanStack Query']
  const results: { name: string; bytes: number }[] = []
  for (const [i, path] of [...packages, '@tanstack/react-query'].entries()) {
    const stdin = { contents: `export * from '${path}'`, resolveDir: root.pathname }
    const external = ['react', 'react-dom', 'use-sync-external-store']
    const { outputFiles } = await build({ stdin, bundle: true, minify: true, format: 'esm', write: false, external })
    results.push({ name: names[i], bytes: gzipSync(outputFiles[0].contents, { level: 9 }).length })
  }
  return results
}
/** size-limit's own checks of .size-limit.json, as CI runs them: each one's size and limit in bytes. */
const sizeLimit = (): { name: string; size: number; sizeLimit: number }[] =>
  JSON.parse(spawnSync('npx', ['size-limit', '--json'], { encoding: 'utf8' }).stdout)
const r = {
  memory: await section('memory', memory), // first, on a clean heap; expiry before the operations leave garbage
  expiry: await section('expiry', () => expiry(FEW)),
  operations: await section('operations', () => operations(ROUNDS)),
  react: await section('react', async () => (await react()).rerenders(FEW)),
  readers: await section('react', async () => (await react()).expiringReaders()),
  async: await section('async', async () => (await react()).asyncMount(ROUNDS)),
  focus: await section('focus', async () => (await react()).returnToPage(ROUNDS)),
  sizes: await section('size', sizes),
  limits: await section('size', sizeLimit),
}
export type Results = typeof r
const checks = targets(r)
const {
  operations: ops = [],
  expiry: exp = [],
  memory: mem = [],
  react: ui = [],
  readers: c,
  async: d = [],
  focus: e = [],
} = r
const [x, kB] = [(ratio = Number.NaN) => `${ratio.toFixed(2)}×`, (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`]
const floor = (scenario: string) => ui.find((e) => e.scenario === scenario && e.name === 'floor')?.ms ?? Number.NaN
const machine = `${cpus()[0]?.model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}${process.env.BENCH_PINNED ? `, run on CPU ${process.env.BENCH_PINNED}` : ''}`
const report = [
  `# Benchmarks

Written by \`npm run bench\` (bench/index.ts) on ${machine}, ${new Date().toISOString().slice(0, 10)}. Every
contestant runs in one process: memory first, on a clean heap, then expiry, operations, React, async values, sizes.`,
  `## Core operations
Speed as a ratio to a plain \`Map\` doing the same work in the same round (Map's time ÷ the peer's): median over ${ROUNDS}
rounds, peers in a new order each round, of each one's median tinybench iteration (100k operations; reads make 10
passes). ${TTL / 1000} s TTLs; poche reads a miss with \`getItem\` (its \`get\` throws); quick-lru's \`delete\` does not look at
the entry, so it is left out of that comparison. One store of each kind stays alive through the section. Each
operation is a typed function of its peer (bench/core.ts), timed by its own copy of the loop of bench/loops.ts.

${table([['operation (100k keys)', ...peers.map((p) => p.name)], ...ops.map((o) => [o.name, ...o.ratios.map(x)])])}`,
  `## A/B against an older commit
\`npm run bench -- --ab <commit> [pairs]\` (bench/ab.ts) builds \`<commit>\`'s package once (its sources from \`git archive\`,
built by its own tsup config with today's \`node_modules\`, kept in the temp folder by commit hash) beside the working
tree's \`dist/\`, and times the core operations of each (bench/abRun.ts: set, overwrite, \`get\` and \`has\` hits with a TTL
and without, 4 \`get\`s and 2 \`has\` per call as an app's code makes them, a \`has\` miss, delete; 100k keys, reads 20
passes, best of 9 runs) in fresh processes that alternate between the two builds, 10 pairs by default, the side that
starts alternating too. A process loads one build only, so neither warms V8 for the other. Every process runs on one
CPU (\`taskset -c 0\`; \`BENCH_CPU=1\` picks another, \`BENCH_CPU=any\` none): the two cores of a shared virtual machine
can differ by half in memory-bound work, and a build must not be measured on the other core than its rival. It
prints, per operation, the speed ratio new ÷ old (old ms ÷ new ms: above 1 is faster now) as the median over the
pairs, their spread, how many pairs fell below 0.90×, and the ratio of each side's best time over all its processes.
Every claim that a change keeps a figure within 10% is made with it: a full run's figures move by up to a quarter
between runs of the same code, the median of an A/B's pairs by a few percent.

On a machine busy with other work the pairs still spread widely. Whether two builds do the same work is then better
asked of an instruction count, which the machine's load does not change: \`valgrind --tool=cachegrind\` of a loop of
reads, run with \`node --single-threaded\` (so that compilation happens at the same points) at two loop lengths, the
difference divided by the extra reads.`,
  `## Active expiry
100k entries, TTLs over 10–1000 ms: event-loop busy time (\`performance.eventLoopUtilization\`) from the first write
until the last entry is announced gone (or 2 s after the longest TTL, the entries never announced then counted), median
of ${FEW} runs after a warm-up run, each run's cache kept alive until its contestant is done; timers counted through
the global \`setTimeout\`. The floor is no cache: a bare \`Map\`, a timer per
deadline, one lookup and one delete per key, what any cache keyed by a \`Map\` pays at least.

${table([['cache', 'how it expires', 'event-loop busy (ms)', 'wall time (ms)', 'timers created', 'most timers pending', 'never announced (worst run)'], ...exp.map((e) => [e.name, e.note, e.busyMs.toFixed(1), e.wallMs.toFixed(0), String(e.created), String(e.maxPending), String(e.missed)])])}`,
  `## Memory
Heap bytes per entry with 1M entries after a full GC; keys made beforehand, small-integer values.

${table([['store', 'bytes per entry', '× Map'], ...mem.map((m) => [m.name, m.bytes.toFixed(1), x(m.ratio)])])}`,
  `## React
2,000 mounted components under jsdom, React's production build; a change is made in \`flushSync\` and done when the
component that must show it has rendered it: one warm-up run each, then the median of ${FEW} rounds of 200 changes in
turns. The floor is a hand-written per-key \`useSyncExternalStore\` store; \`poche\` is the built package with no
provider (its hooks never read context); TanStack Query's notifications are made synchronous.

${table([['scenario', 'store', 'ms per update', '× floor', 'renders per update'], ...ui.map((e) => [e.scenario, e.name, e.ms.toFixed(3), x(e.ms / floor(e.scenario)), e.renders.toFixed(1)])])}

Scenario C: 2,000 readers whose keys expire at 2,000 distinct times on a hand-moved clock: ${c?.msPerExpiry.toFixed(3)} ms per
expiry, ${c?.stray} expiries that re-rendered anything but their own reader, ${c?.created} timers made, at most ${c?.maxPending} pending.`,
  `## Async values
Scenario D: 1,000 components mount at once on 50 keys (component i reads key i mod 50) through each library's async
hook, the fetcher resolving on a microtask: fetcher calls (most in any run), ms until all show data (median, ${ROUNDS} runs).

${table([['library', 'fetcher calls', 'ms until all show data', '× poche'], ...d.map((e) => [e.name, String(e.calls), e.ms.toFixed(1), x(e.ms / d[0].ms)])])}

Scenario E: 1,000 components on 200 keys (component i reads key i mod 200), every value stale once shown (poche and
TanStack Query \`staleTime: 0\`, SWR without its focus throttle and with \`dedupingInterval: 0\`), then one return to the
page as a browser makes it: \`visibilitychange\` to hidden and \`blur\`, \`visibilitychange\` to visible and \`focus\`.
Fetcher calls the return made (most in any run), and main-thread ms until all show the refetched data (median, ${ROUNDS} runs).

${table([['library', 'fetcher calls', 'ms until all show new data', '× poche'], ...e.map((row) => [row.name, String(row.calls), row.ms.toFixed(1), x(row.ms / e[0].ms)])])}`,
  `## Size
Every export bundled by esbuild, minified, React external, gzip level 9; poche from \`dist/\`. The size targets are
size-limit's own checks of \`.size-limit.json\` (CI's), whose figures differ from these by a few bytes.

${table([['package', 'min+gzip'], ...(r.sizes ?? []).map((s) => [s.name, kB(s.bytes)])])}`,
  `## Targets
Every target of bench/targets.ts. A run fails only when a gate fails: a target that held, checked with noise headroom.

${table([['target', 'measured', 'met', 'gate'], ...checks.map(([target, met, measured, g]) => [target, measured, met ? 'yes' : '**no**', g === undefined ? '—' : g ? 'holds' : '**FAILS**'])])}`,
].join('\n\n')
/** The README's comparison table: a column per library, named as in this run's results. */
function compare() {
  const names = ['poche', 'poche in CacheProvider', 'SWR', 'TanStack Query', 'lru-cache', '@isaacs/ttlcache']
  const cell = <T extends { name: string }>(rows: T[] = [], show: (e: T) => string) => {
    return (name: string) => rows.filter((e) => e.name === name).map(show)[0] ?? '—'
  }
  const four = ['get hit', 'set 100k new keys', 'overwrite', 'delete'].map((o) => ops.find((e) => e.name === o)?.ratios)
  const core = peers.map(({ name }, i) => ({ name, ops: four.map((o) => x(o?.[i])).join(' / ') }))
  const [a, b] = ['A', 'B'].map((s) => ui.filter((e) => e.scenario[0] === s))
  const expired = (e: (typeof exp)[number]) => `${e.busyMs.toFixed(0)} · ${e.maxPending}`
  const rerender = (e: (typeof ui)[number]) => `${e.ms.toFixed(2)} (${x(e.ms / floor(e.scenario))}) · ${e.renders}`
  const rows: [string, (name: string) => string][] = [
    ['size, min+gzip (React external)', cell(r.sizes, (e) => kB(e.bytes))],
    ['A: set 1 of 2,000 keys, ms per update (× floor) · renders', cell(a, rerender)],
    ['B: add a key, 2,000 key-list readers, ms per update (× floor) · renders', cell(b, rerender)],
    ['D: 1,000 components on 50 keys, fetcher calls · ms', cell(d, (e) => `${e.calls} · ${e.ms.toFixed(0)}`)],
    [
      'E: return to the page, 1,000 components on 200 stale keys, fetcher calls · ms',
      cell(e, (row) => `${row.calls} · ${row.ms.toFixed(0)}`),
    ],
    ['get hit / set / overwrite / delete, × Map', cell(core, (e) => e.ops)],
    ['expiring 100k entries: event-loop ms · most timers pending', cell(exp, expired)],
    ['heap per entry at 1M entries, × Map', cell(mem, (e) => x(e.ratio))],
  ]
  return table([['', ...names], ...rows.map(([label, show]) => [label, ...names.map(show)])])
}
for (const [target, met, measured, g] of checks)
  process.stdout.write(`${g === false ? 'FAIL' : met ? 'met ' : 'miss'}  ${target}: ${measured}\n`)
if (chosen.length) process.stdout.write(`${JSON.stringify(r, null, 1)}\n`)
else {
  const [file, start, end] = [new URL('README.md', root), '<!-- bench:compare:start -->', '<!-- bench:compare:end -->']
  const readme = readFileSync(file, 'utf8')
  if (!readme.includes(end)) throw new Error(`README.md has no ${start} … ${end} for the comparison table`)
  const [before, after] = [readme.slice(0, readme.indexOf(start) + start.length), readme.slice(readme.indexOf(end))]
  writeFileSync(file, `${before}\n${compare()}\n${after}`)
  writeFileSync(new URL('BENCHMARKS.md', root), `${report}\n`)
}
process.exit(checks.some(([, , , g]) => g === false) ? 1 : 0) // not waiting for timers the React libraries leave
