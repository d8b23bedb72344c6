// Random interleavings of optimistic layers (begin, write, remove, release), committed writes,
// fetches and their settlements, run against a small reference model, compared after every step.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { beginOptimistic, Cache, type OptimisticLayer } from '../../src/core/index'
import { type Deferred, deferred, flushPromises } from '../helpers/deferred'
import { overlayOf } from '../helpers/overlay'

const KEYS = ['a', 'b']
const GONE = Symbol('deleted by a layer')

interface ModelLayer {
  state: 'open' | 'released' | 'removed'
  writes: Map<string, unknown>
}
interface Fetch {
  key: string
  deferred: Deferred<number>
  settled: boolean
}

/** The contract, as plainly as it can be put. */
class Model {
  committed = new Map<string, unknown>()
  layers: ModelLayer[] = []
  pending = new Set<unknown>()

  shown(key: string): unknown {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const writes = (this.layers[i] as ModelLayer).writes
      if (writes.has(key)) return writes.get(key)
    }
    return this.committed.has(key) ? this.committed.get(key) : GONE
  }

  /** A released layer's value goes once no open layer wrote its key and no fetch of it is pending. */
  sweep(): void {
    for (const layer of this.layers) {
      if (layer.state !== 'released') continue
      for (const key of [...layer.writes.keys()]) {
        const open = this.layers.some((other) => other.state === 'open' && other.writes.has(key))
        if (!open && !this.pending.has(this.committed.get(key))) layer.writes.delete(key)
      }
    }
  }
}

type Op =
  | { op: 'begin' }
  | { op: 'write'; layer: number; key: string; value: number | null }
  | { op: 'remove' | 'release'; layer: number }
  | { op: 'set'; key: string; value: number }
  | { op: 'delete'; key: string }
  | { op: 'fetch'; key: string }
  | { op: 'settle'; fetch: number; ok: boolean }

const key = fc.constantFrom(...KEYS)
const index = fc.nat(3)
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ op: 'begin' as const }),
  fc.record({ op: fc.constant('write' as const), layer: index, key, value: fc.option(fc.integer(), { nil: null }) }),
  fc.record({ op: fc.constantFrom('remove' as const, 'release' as const), layer: index }),
  fc.record({ op: fc.constant('set' as const), key, value: fc.integer() }),
  fc.record({ op: fc.constant('delete' as const), key }),
  fc.record({ op: fc.constant('fetch' as const), key }),
  fc.record({ op: fc.constant('settle' as const), fetch: index, ok: fc.boolean() }),
)

it('shows what the model shows, and commits what it commits, under random interleavings', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 50 }), async (ops) => {
      const cache = new Cache<string, unknown>()
      const model = new Model()
      const layers: OptimisticLayer<string, unknown>[] = []
      const fetches: Fetch[] = []
      for (const step of ops) {
        switch (step.op) {
          case 'begin':
            layers.push(beginOptimistic(cache))
            model.layers.push({ state: 'open', writes: new Map() })
            break
          case 'write': {
            const layer = layers[step.layer % (layers.length || 1)]
            const mine = model.layers[step.layer % (layers.length || 1)]
            if (!layer || !mine) break
            const write = () => (step.value === null ? layer.delete(step.key) : layer.set(step.key, step.value))
            if (mine.state !== 'open') expect(write).toThrow(TypeError)
            else {
              write()
              mine.writes.set(step.key, step.value === null ? GONE : step.value)
            }
            break
          }
          case 'remove':
          case 'release': {
            const layer = layers[step.layer % (layers.length || 1)]
            const mine = model.layers[step.layer % (layers.length || 1)]
            if (!layer || !mine) break
            layer[step.op]()
            if (mine.state === 'open') {
              mine.state = step.op === 'remove' ? 'removed' : 'released'
              if (step.op === 'remove') mine.writes.clear()
            }
            break
          }
          case 'set':
            cache.set(step.key, step.value)
            model.committed.set(step.key, step.value)
            break
          case 'delete':
            if (model.committed.has(step.key)) {
              cache.delete(step.key)
              model.committed.delete(step.key)
            }
            break
          case 'fetch': {
            const fetch: Fetch = { key: step.key, deferred: deferred<number>(), settled: false }
            fetches.push(fetch)
            // As the hooks refetch: the old entry goes and the request takes its place in one change.
            const release = cache.hold()
            if (model.committed.has(step.key)) cache.delete(step.key)
            cache.getOrCompute(step.key, () => fetch.deferred.promise)
            release()
            model.committed.set(step.key, fetch.deferred.promise)
            model.pending.add(fetch.deferred.promise)
            break
          }
          case 'settle': {
            const fetch = fetches[step.fetch % (fetches.length || 1)]
            if (!fetch || fetch.settled) break
            fetch.settled = true
            const { promise } = fetch.deferred
            if (step.ok) fetch.deferred.resolve(1)
            else {
              promise.catch(() => {})
              fetch.deferred.reject(new Error('failed'))
            }
            await flushPromises()
            model.pending.delete(promise)
            if (!step.ok && model.committed.get(fetch.key) === promise) model.committed.delete(fetch.key)
            break
          }
        }
        model.sweep()
        for (const k of KEYS) {
          const shown = model.shown(k)
          expect(cache.has(k), `${k} after ${JSON.stringify(step)}`).toBe(shown !== GONE)
          expect(cache.getItem(k)?.value, k).toBe(shown === GONE ? undefined : shown)
          expect(cache.committed.getItem(k)?.value, k).toBe(model.committed.get(k))
        }
        expect(new Set(cache.keys())).toEqual(new Set(KEYS.filter((k) => model.shown(k) !== GONE)))
      }
      // Once every layer is settled and every fetch too, nothing is left over the committed entries.
      for (const layer of layers) layer.remove()
      for (const fetch of fetches) if (!fetch.settled) fetch.deferred.resolve(0)
      await flushPromises()
      expect(overlayOf(cache)).toBeUndefined()
    }),
    { numRuns: 500 },
  )
})
