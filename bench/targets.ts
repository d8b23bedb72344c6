// Every target of `npm run bench`, all reported in BENCHMARKS.md. One that held in both runs of 2026-11-30 (the code
// before and after issue 13) has a gate too, the same check with headroom for run-to-run noise: a run exits 1 only
// when a gate fails.
import { peers } from './core'
import type { Results } from './index'

const OPS_SLACK = 0.2 // ops move ±0.15 × Map run to run, poche's and its best peer's each: poche may trail by 0.2
const REACT_SLACK = 1.3 // React figures move ±30% from run to run: a gate allows 1.3 times the target's ratio
/** The operations and React targets (scenario, contestant, against whom) that held; the rest are reported only. */
const HELD = ['delete', 'overwrite', 'A poche floor', 'A poche peers']
/**
 * The read path (`get` hit, `has`) against the fastest peer: gated as a share of that peer's speed rather than a
 * difference, so that a loss like the one the core split caused (a fifth to a third, issue 22) fails the run
 * whatever the machine's speed, while a run's noise (each figure moves up to a quarter) does not.
 */
const READS = { 'get hit': 0.6, has: 0.6 }
const ISSUE_KB = { poche: 2.5, 'poche/core': 1.5 } // the issue's size targets (not met; CI holds size-limit's)
export type Target = [target: string, met: boolean, measured: string, gate?: boolean]
export function targets({
  operations = [],
  memory,
  expiry,
  react = [],
  readers,
  async,
  focus,
  sizes,
  limits,
}: Results) {
  const list: Target[] = []
  const add = (...target: Target) => list.push(target)
  for (const { name, ratios } of operations) {
    const rivals = peers.flatMap((p, i) => (i < 2 || (name === 'delete' && p.deleteBlind) ? [] : [i])) // no Map, poche
    const best = rivals.reduce((a, b) => (ratios[a] >= ratios[b] ? a : b))
    const [ours, theirs, vs] = [ratios[1], ratios[best], `vs ${peers[best].name} ${ratios[best].toFixed(2)}×`]
    const gate = HELD.includes(name) ? ours >= theirs - OPS_SLACK : undefined
    add(`${name}: at least as fast as the fastest peer`, ours >= theirs, `${ours.toFixed(2)}× ${vs}`, gate)
    const share = READS[name as keyof typeof READS]
    if (share) {
      const held = ours >= share * theirs
      add(`${name}: at least ${share}× the fastest peer`, held, `${(ours / theirs).toFixed(2)}× ${vs}`, held)
    }
    if (name === 'get hit') add('get hit at least 0.5× Map', ours >= 0.5, `${ours.toFixed(2)}×`, ours >= 0.5)
  }
  const ratio = memory?.[1].ratio ?? Number.NaN
  if (memory) add('memory at most 2× Map per entry', ratio <= 2, `${ratio.toFixed(2)}×`, ratio <= 2)
  const [floor, ours, ttl] = expiry ?? []
  if (floor && ours && ttl) {
    const busy = `${ours.busyMs.toFixed(1)} ms vs ${ttl.busyMs.toFixed(1)} ms; the floor ${floor.busyMs.toFixed(1)} ms`
    add('expiring 100k entries: under half of @isaacs/ttlcache’s event-loop time', ours.busyMs < ttl.busyMs / 2, busy)
    const [one, timers] = [ours.maxPending <= 1, `${ours.maxPending} pending at most, ${ours.created} made`]
    add('expiring 100k entries: at most one timer pending', one, timers, one)
  }
  for (const scenario of new Set(react.map((e) => e.scenario))) {
    const [floor, ...rows] = react.filter((e) => e.scenario === scenario)
    const ours = rows.filter((e) => e.name.startsWith('poche'))
    const [peer] = rows.filter((e) => !ours.includes(e)).sort((a, b) => a.ms - b.ms)
    for (const { name, ms } of ours) {
      const [vsFloor, vsPeer] = [ms / floor.ms, ms / peer.ms]
      const gate = (against: string, limit: number, x: number) =>
        HELD.includes(`${scenario[0]} ${name} ${against}`) ? x <= limit * REACT_SLACK : undefined
      const target = `${scenario}, ${name}`
      const measured = `${ms.toFixed(3)} ms vs ${peer.name} ${peer.ms.toFixed(3)} ms`
      add(`${target}: within 1.2× of the floor`, vsFloor <= 1.2, `${vsFloor.toFixed(2)}×`, gate('floor', 1.2, vsFloor))
      add(`${target}: ahead of every peer`, vsPeer < 1, measured, gate('peers', 1, vsPeer))
    }
    const [one, renders] = [ours.every((e) => e.renders === 1), ours.map((e) => `${e.name} ${e.renders}`).join(', ')]
    if (scenario[0] === 'A') add('A: exactly one render per update', one, renders, one)
  }
  const clean = readers?.stray === 0 && readers.maxPending <= 1
  const seen = `${readers?.stray} stray; at most ${readers?.maxPending} timer pending`
  if (readers) add('C: every expiry re-renders only its own reader, with one timer', clean, seen, clean)
  const calls = async?.[0].calls
  if (async) add('D: 1,000 components on 50 keys make 50 fetcher calls', calls === 50, `${calls}`, calls === 50)
  const refetches = focus?.[0].calls
  const once = refetches === 200
  if (focus)
    add('E: one return to the page refetches 200 stale keys with 200 fetcher calls', once, `${refetches}`, once)
  for (const { name, size, sizeLimit } of limits ?? []) {
    const [kB, met] = [(size / 1000).toFixed(2), size <= sizeLimit]
    add(`size: ${name}, at most ${sizeLimit / 1000} kB (size-limit)`, met, `${kB} kB`, met)
  }
  if (!sizes) return list
  const kB = (name: string) => (sizes.find((s) => s.name === name)?.bytes ?? Number.NaN) / 1000
  for (const [name, max] of Object.entries(ISSUE_KB))
    add(`size: ${name} at most ${max} kB, the issue's target`, kB(name) <= max, `${kB(name).toFixed(2)} kB`)
  const [poche, swr, jotai] = [kB('poche'), kB('SWR'), kB('jotai')]
  const vs = `${poche.toFixed(2)} kB vs SWR ${swr.toFixed(2)} kB, jotai ${jotai.toFixed(2)} kB`
  add('size: poche smaller than SWR and jotai', poche < Math.min(swr, jotai), vs)
  return list
}
