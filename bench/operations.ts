// Throughput of single operations, as a ratio to a plain Map measured in the same round.
import { Bench } from 'tinybench'
import { type Code, compileLoop, disposeStore, type Peer, peers } from './peers'
import { fixed, median, table } from './stats'

const N = 100_000
const READ_PASSES = 10
const keys = Array.from({ length: N }, (_, i) => `key:${i}`)
const missing = Array.from({ length: N }, (_, i) => `missing:${i}`)
// Strings cache their hash on first use: pay for it here, not in whichever store runs first.
new Set([...keys, ...missing])

const filled = (peer: Peer): unknown => {
  const store = peer.make(N * 2)
  compileLoop(peer.code.set)(store, keys, N)
  return store
}

interface Operation {
  name: string
  /** Adds one task for `peer`; each iteration is N operations. */
  add(bench: Bench, peer: Peer): void
}

/** An operation on a store made fresh before every iteration (`fresh`), or once per task. */
const operation = (
  name: string,
  expression: (code: Code) => string,
  prepare: 'empty' | 'filled',
  fresh: boolean,
  list = keys,
): Operation => ({
  name,
  add: (bench, peer) => {
    // Reads leave the store as it was, so they repeat over the keys to fill a timed iteration.
    const loop = compileLoop(expression(peer.code), fresh ? 1 : READ_PASSES)
    const make = () => (prepare === 'empty' ? peer.make(N * 2) : filled(peer))
    let store: unknown
    const setUp = () => {
      store = make()
    }
    const tearDown = () => disposeStore(peer, store)
    bench.add(
      peer.name,
      () => void loop(store, list, N),
      fresh
        ? { beforeEach: setUp, afterEach: tearDown, beforeAll: () => globalThis.gc?.() }
        : {
            beforeAll: () => {
              globalThis.gc?.()
              setUp()
            },
            afterAll: tearDown,
          },
    )
  },
})

const operations: Operation[] = [
  operation('set 100k new keys', (c) => c.set, 'empty', true),
  operation('get hit', (c) => c.get, 'filled', false),
  operation('get miss', (c) => c.miss, 'filled', false, missing),
  operation('has', (c) => c.has, 'filled', false),
  operation('delete', (c) => c.delete, 'filled', true),
  operation('overwrite', (c) => c.set, 'filled', false),
]

export interface OperationResult {
  operation: string
  /** Peer name → median over rounds of (Map time / peer time): 1 is as fast as Map. */
  ratios: Map<string, number>
}

export async function runOperations(rounds: number): Promise<OperationResult[]> {
  // One store of each kind stays alive through every round, as an app's cache does. A forced
  // collection that finds no instance of a class frees its hidden classes, and with them the code
  // optimised for them: each task would then start on cold code.
  const residents = peers.map((peer) => {
    const store = peer.make(N * 2)
    compileLoop(peer.code.set)(store, keys, 16)
    return { peer, store }
  })
  const results: OperationResult[] = []
  for (const operation of operations) {
    const perRound = new Map<string, number[]>()
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: 50, iterations: 8, warmupTime: 10, warmupIterations: 2 })
      // Peers in a different order each round, so no one always runs right after a collection.
      const order = peers.map((_, i) => peers[(i + round) % peers.length])
      for (const peer of order) operation.add(bench, peer)
      await bench.run()
      const latency = new Map(bench.tasks.map((task) => [task.name, medianLatency(task)]))
      const map = latency.get('Map') as number
      for (const peer of peers) {
        const list = perRound.get(peer.name) ?? []
        list.push(map / (latency.get(peer.name) as number))
        perRound.set(peer.name, list)
      }
    }
    const ratios = new Map([...perRound].map(([name, list]) => [name, median(list)]))
    results.push({ operation: operation.name, ratios })
    process.stdout.write(`  ${operation.name}: ${[...ratios].map(([n, r]) => `${n} ${fixed(r)}×`).join(', ')}\n`)
  }
  for (const { peer, store } of residents) disposeStore(peer, store)
  return results
}

const medianLatency = (task: Bench['tasks'][number]): number => {
  const result = task.result
  if (result.state !== 'completed') throw new Error(`${task.name} did not complete: ${result.state}`)
  return result.latency.p50
}

export const operationsTable = (results: OperationResult[]): string =>
  table(
    ['operation (100k keys)', ...peers.map((p) => p.name)],
    results.map((r) => [r.operation, ...peers.map((p) => `${fixed(r.ratios.get(p.name) as number)}×`)]),
  )
