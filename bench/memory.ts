// Bytes per entry at 1M entries (JS heap plus ArrayBuffer contents). Keys are made before measuring and values are small
// integers, so the figure is what the store itself costs, not the keys and values it holds.
import { compileLoop, disposeStore, peers } from './peers'
import { fixed, table } from './stats'

const N = 1_000_000

export interface MemoryResult {
  name: string
  bytesPerEntry: number
  ratio: number
}

const heapAfterGc = (): number => {
  const gc = globalThis.gc
  if (!gc) throw new Error('run with node --expose-gc')
  gc()
  gc()
  // Typed arrays keep their contents outside the JS heap: count those bytes too.
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

/**
 * One store's bytes per entry. A function of its own, so that when it returns no stack slot of
 * the caller still holds the store while the next one is measured.
 */
function measure(peer: (typeof peers)[number], keys: string[]): number {
  const before = heapAfterGc()
  const store = peer.make(N)
  compileLoop(peer.code.set)(store, keys, N)
  const after = heapAfterGc()
  if (compileLoop(peer.code.has)(store, keys, N) !== true) throw new Error(`${peer.name} lost entries`)
  disposeStore(peer, store)
  return (after - before) / N
}

export function runMemory(): MemoryResult[] {
  const keys = Array.from({ length: N }, (_, i) => `key:${i}`)
  const bytes = new Map<string, number>()
  for (const peer of peers) bytes.set(peer.name, measure(peer, keys))
  const map = bytes.get('Map') as number
  const results = [...bytes].map(([name, b]) => ({ name, bytesPerEntry: b, ratio: b / map }))
  for (const r of results)
    process.stdout.write(`  ${r.name}: ${fixed(r.bytesPerEntry, 1)} B (${fixed(r.ratio)}× Map)\n`)
  return results
}

export const memoryTable = (results: MemoryResult[]): string =>
  table(
    ['store', 'bytes per entry', '× Map'],
    results.map((r) => [r.name, fixed(r.bytesPerEntry, 1), `${fixed(r.ratio)}×`]),
  )
