// npm run bench: every section in one process run; writes BENCHMARKS.md and checks the targets.
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { asyncMountTable, runAsyncMount } from './asyncMount'
import { expiryTable, runExpiry } from './expiry'
import { memoryTable, runMemory } from './memory'
import { operationsTable, runOperations } from './operations'
import { peers } from './peers'
import { reactTable, runExpiryScenario, runReact } from './react'
import { runSizes, sizeTable } from './sizes'
import { fixed } from './stats'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

interface Check {
  target: string
  measured: string
  met: boolean
}

async function main() {
  // Memory first, on a clean heap; then expiry, before the operations leave garbage behind.
  process.stdout.write('Memory at 1M entries:\n')
  const memory = runMemory()
  process.stdout.write('Expiry of 100k entries:\n')
  const expiry = await runExpiry(3)
  process.stdout.write(`Operations (${ROUNDS} rounds, ratio to Map, higher is faster):\n`)
  const operations = await runOperations(ROUNDS)
  process.stdout.write('React, 2,000 mounted components (ms per update, production build under jsdom):\n')
  const react = await runReact(async () => (await import('./reactPeers')).reactContestants(), 3)
  const scenarioC = await runExpiryScenario()
  process.stdout.write(
    `  C: 2,000 keys expiring at distinct times: ${fixed(scenarioC.msPerExpiry, 3)} ms per expiry, ${scenarioC.strayRenders} stray renders, at most ${scenarioC.maxTimersPending} timer pending\n`,
  )

  process.stdout.write('Async: 1,000 components mounting on 50 keys:\n')
  const asyncMount = await runAsyncMount(ROUNDS)

  process.stdout.write('Size (run `npm run build` first):\n')
  const sizes = await runSizes()

  const checks: Check[] = []
  for (const { operation, ratios } of operations) {
    const ours = ratios.get('poche') as number
    const rivals = peers.filter(
      (p) => p.name !== 'Map' && p.name !== 'poche' && (operation !== 'delete' || p.deleteLooks),
    )
    const best = rivals.reduce((a, b) => ((ratios.get(a.name) as number) >= (ratios.get(b.name) as number) ? a : b))
    const theirs = ratios.get(best.name) as number
    checks.push({
      target: `${operation}: at least as fast as the fastest peer`,
      measured: `${fixed(ours)}× vs ${best.name} ${fixed(theirs)}×`,
      met: ours >= theirs,
    })
  }
  const hit = operations.find((o) => o.operation === 'get hit')?.ratios.get('poche') as number
  checks.push({ target: 'get hit at least 0.5× Map', measured: `${fixed(hit)}×`, met: hit >= 0.5 })
  const mem = memory.find((m) => m.name === 'poche')?.ratio as number
  checks.push({ target: 'memory at most 2× Map per entry', measured: `${fixed(mem)}×`, met: mem <= 2 })
  const ours = expiry.find((e) => e.name === 'poche') as (typeof expiry)[number]
  const ttlcache = expiry.find((e) => e.name === '@isaacs/ttlcache') as (typeof expiry)[number]
  const expiryFloor = expiry.find((e) => e.name === 'floor') as (typeof expiry)[number]
  checks.push({
    target: 'expiring 100k entries: under half of @isaacs/ttlcache’s event-loop time',
    measured: `${fixed(ours.busyMs, 1)} ms vs ${fixed(ttlcache.busyMs, 1)} ms (${fixed(ours.busyMs / ttlcache.busyMs)}×); the bare-Map floor ${fixed(expiryFloor.busyMs, 1)} ms (${fixed(expiryFloor.busyMs / ttlcache.busyMs)}×)`,
    met: ours.busyMs < ttlcache.busyMs / 2,
  })
  checks.push({
    target: 'expiring 100k entries: at most one timer pending',
    measured: `${ours.maxPending} pending at most, ${ours.timersCreated} created`,
    met: ours.maxPending <= 1,
  })

  for (const scenario of [...new Set(react.map((r) => r.scenario))]) {
    const rows = react.filter((r) => r.scenario === scenario)
    const floor = rows.find((r) => r.name === 'floor') as (typeof rows)[number]
    const peersOnly = rows.filter((r) => r.name !== 'floor' && !r.name.startsWith('poche'))
    const fastestPeer = peersOnly.reduce((a, b) => (a.msPerUpdate <= b.msPerUpdate ? a : b))
    for (const ours of rows.filter((r) => r.name.startsWith('poche'))) {
      checks.push({
        target: `${scenario}, ${ours.name}: within 1.2× of the floor`,
        measured: `${fixed(ours.msPerUpdate / floor.msPerUpdate)}×`,
        met: ours.msPerUpdate <= 1.2 * floor.msPerUpdate,
      })
      checks.push({
        target: `${scenario}, ${ours.name}: ahead of every peer`,
        measured: `${fixed(ours.msPerUpdate, 3)} ms vs ${fastestPeer.name} ${fixed(fastestPeer.msPerUpdate, 3)} ms`,
        met: ours.msPerUpdate < fastestPeer.msPerUpdate,
      })
    }
  }
  const scenarioA = react.filter((r) => r.scenario.startsWith('A') && r.name.startsWith('poche'))
  checks.push({
    target: 'A: exactly one render per update',
    measured: scenarioA.map((r) => `${r.name} ${fixed(r.rendersPerUpdate, 2)}`).join(', '),
    met: scenarioA.every((r) => r.rendersPerUpdate === 1),
  })
  checks.push({
    target: 'C: every expiry re-renders only its own reader, with at most one timer',
    measured: `${scenarioC.strayRenders} stray of 2,000; at most ${scenarioC.maxTimersPending} pending`,
    met: scenarioC.strayRenders === 0 && scenarioC.maxTimersPending <= 1,
  })

  const ourAsync = asyncMount.find((r) => r.name === 'poche') as (typeof asyncMount)[number]
  checks.push({
    target: 'D: 1,000 components on 50 keys make 50 fetcher calls',
    measured: String(ourAsync.fetcherCalls),
    met: ourAsync.fetcherCalls === 50,
  })

  const sizeOf = (name: string) => (sizes.find((r) => r.name === name)?.bytes ?? Number.NaN) / 1000
  checks.push({
    target: 'size: poche with every hook at most 2.5 kB min+gzip',
    measured: `${fixed(sizeOf('poche (every hook)'))} kB`,
    met: sizeOf('poche (every hook)') <= 2.5,
  })
  checks.push({
    target: 'size: poche/core at most 1.5 kB min+gzip',
    measured: `${fixed(sizeOf('poche/core'))} kB`,
    met: sizeOf('poche/core') <= 1.5,
  })
  checks.push({
    target: 'size: smaller than SWR and jotai',
    measured: `${fixed(sizeOf('poche (every hook)'))} kB vs SWR ${fixed(sizeOf('SWR'))} kB, jotai ${fixed(sizeOf('jotai'))} kB`,
    met: sizeOf('poche (every hook)') < Math.min(sizeOf('SWR'), sizeOf('jotai')),
  })

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`
  const report = `# Benchmarks

Measured with \`npm run bench\` (\`node --expose-gc --import tsx bench/index.ts\`), every peer in the same process run.
Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.

## Core operations

Each cell is the peer's speed as a ratio to a plain \`Map\` doing the same work in the same round
(Map's time ÷ the peer's time, so 1.00× is as fast as \`Map\` and 0.50× is half as fast). Each round runs
every peer with tinybench (each iteration is 100k operations) and takes the median iteration time; the
figure is the median over ${ROUNDS} rounds. Every cache is given a ${60}s TTL. poche reads a missing key with
\`getItem\` (its \`get\` throws \`KeyError\`); quick-lru's \`delete\` does not look at the entry first, so it
is left out of the delete comparison. One store of each kind stays alive through the whole section, as
an app's cache does: a forced collection that finds no instance of a class frees its hidden classes
and the code optimised for them, and the next store would start on cold code.

${operationsTable(operations)}

## Active expiry

100k entries with TTLs spread over 10–1000 ms. Event-loop busy time (\`performance.eventLoopUtilization\`)
from the first write until the last entry is announced gone, writes included; median of 3 runs after a
warm-up run, every run's cache kept alive until that contestant is done (as above). Timers
are counted through the global \`setTimeout\`. quick-lru and Map have no active expiry and are left out.
The floor is no cache: a bare \`Map\` and value array, one timer per deadline, and at each deadline one
lookup and one delete per key, with nothing checked or announced. What it costs, every cache that keeps
its entries in a \`Map\` and removes each at its deadline costs at least.

${expiryTable(expiry)}

## Memory

Heap bytes per entry with 1M entries (after a full GC), keys made beforehand and small-integer values,
so the figure is what each store itself costs.

${memoryTable(memory)}

## React

2,000 mounted components under jsdom with React's production build; each change is made inside
\`flushSync\` and counts as done when the component that must show it has rendered it (async
stores are awaited). Each contestant runs once to warm up, then all take turns for 3 rounds of 200
changes; the figure is the median round. The floor is a hand-written per-key
\`useSyncExternalStore\` store (scenario B: one shared key-list snapshot). \`poche\` is the hooks on the
default cache with no provider, like the floor (the built package, a module graph in which no
provider ever renders, so its hooks never read React context); \`poche in CacheProvider\` reads the
cache from context, which React 19 re-checks on every sibling fiber it passes. TanStack Query's
notification scheduler is made synchronous so its figure is rendering work, not a timer delay.

${reactTable(react)}

Scenario C: 2,000 readers whose keys expire at 2,000 distinct times on a hand-moved clock:
${fixed(scenarioC.msPerExpiry, 3)} ms per expiry, ${scenarioC.strayRenders} expiries that re-rendered anything but their own reader,
${scenarioC.timersCreated} timers created, at most ${scenarioC.maxTimersPending} pending.

## Async values

Scenario D: 1,000 components mount in one render on 50 keys (component i reads key i mod 50), each
through the library's async hook with a fetcher that resolves on a microtask. Fetcher calls (the most
in any run) and the time from the render call until every component has rendered its data, median of
${ROUNDS} runs, the libraries taking turns after a warm-up run each. poche uses \`useCachedAsync\`, SWR \`useSWR\`, TanStack Query \`useQuery\` (its
notifications made synchronous, as above).

${asyncMountTable(asyncMount)}

## Size

Every export bundled by esbuild, minified, React external, gzip level 9; poche from \`dist/\`
(\`npm run build\`). \`npm run size\` (size-limit, which CI runs) reports poche within a few bytes.

${sizeTable(sizes)}

## Targets

${['| target | measured | met |', '| --- | --- | --- |', ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? 'yes' : '**no**'} |`)].join('\n')}
`
  writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), report)
  process.stdout.write('\nTargets:\n')
  for (const c of checks) process.stdout.write(`  ${c.met ? 'met ' : 'MISS'}  ${c.target}: ${c.measured}\n`)
  process.stdout.write('Wrote BENCHMARKS.md\n')
  if (checks.some((c) => !c.met)) process.exitCode = 1
}

await main()
