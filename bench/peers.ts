// The stores compared. Each operation is written as source text and compiled into its own loop
// per store (see operations.ts), so every call site stays monomorphic: a shared adapter would
// make every store pay the same megamorphic call and squeeze all the ratios towards 1.
import { TTLCache } from '@isaacs/ttlcache'
import { LRUCache } from 'lru-cache'
import NodeCache from 'node-cache'
import QuickLRU from 'quick-lru'
import { Cache } from '../src/core/index'

export const TTL = 60_000

/** Expressions over the store `c`, the key `k` and the value `v`. */
export interface Code {
  set: string
  get: string
  /** A read of a missing key that does not throw. */
  miss: string
  has: string
  delete: string
  /** Stops the store's timers, so an abandoned store neither fires during later rounds nor stays alive. */
  dispose?: string
}

export interface Peer {
  name: string
  make(capacity: number): unknown
  code: Code
  /** Whether delete looks at the entry first (and so could report a missing key). */
  deleteLooks: boolean
}

const common: Code = { set: 'c.set(k, v)', get: 'c.get(k)', miss: 'c.get(k)', has: 'c.has(k)', delete: 'c.delete(k)' }

export const peers: Peer[] = [
  { name: 'Map', deleteLooks: true, make: () => new Map(), code: common },
  {
    name: 'poche',
    deleteLooks: true,
    make: () => new Cache(),
    code: { ...common, set: `c.set(k, v, ${TTL})`, miss: 'c.getItem(k)', dispose: 'c.dispose()' },
  },
  {
    name: 'lru-cache',
    deleteLooks: true,
    make: (capacity) => new LRUCache({ max: capacity, ttl: TTL }),
    code: common,
  },
  {
    name: '@isaacs/ttlcache',
    deleteLooks: true,
    make: () => new TTLCache({ ttl: TTL }),
    code: { ...common, dispose: 'c.cancelTimer()' },
  },
  {
    name: 'node-cache',
    deleteLooks: true,
    make: () => new NodeCache({ stdTTL: TTL / 1000, checkperiod: 0, useClones: false }),
    code: { ...common, delete: 'c.del(k)', dispose: 'c.close()' },
  },
  {
    name: 'quick-lru',
    // Its delete removes without reading the entry, so it could not tell a missing key.
    deleteLooks: false,
    make: (capacity) => new QuickLRU({ maxSize: capacity, maxAge: TTL }),
    code: common,
  },
]

/** Runs the store's `dispose` code, if it has any. */
export const disposeStore = (peer: Peer, store: unknown): void => {
  if (peer.code.dispose) new Function('c', peer.code.dispose)(store)
}

type Loop = (c: unknown, keys: string[], n: number) => unknown

/**
 * A fresh loop running `expression` for each key, `passes` times over: new code, so its own
 * type feedback. Reads take several passes so one timed iteration is long enough to measure.
 */
export const compileLoop = (expression: string, passes = 1): Loop =>
  new Function(
    'c',
    'keys',
    'n',
    `let sink; for (let p = 0; p < ${passes}; p++) for (let i = 0; i < n; i++) { const k = keys[i]; const v = i; sink = ${expression} } return sink`,
  ) as Loop
