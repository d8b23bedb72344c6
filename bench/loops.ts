// The timed loop of the core sections: `op` on each of the first `n` keys (value: the index), `passes` times over.
// core.ts imports a copy of this module per peer and operation, so the loop of a copy only ever calls one small
// function on one store type, and V8 inlines both as in a loop written for that store by hand; one shared loop would
// make every store pay the same megamorphic call and squeeze the ratios towards 1.
export type Op<S> = (store: S, key: string, value: number) => unknown
const mapOps = {
  set: (c: Map<string, number>, k: string, v: number) => c.set(k, v),
  get: (c: Map<string, number>, k: string) => c.get(k),
  miss: (c: Map<string, number>, k: string) => c.get(k),
  has: (c: Map<string, number>, k: string) => c.has(k),
  delete: (c: Map<string, number>, k: string) => c.delete(k),
}
export type Name = keyof typeof mapOps
export function loopOf(name: Name, op = mapOps[name] as Op<unknown>) {
  return (store: unknown, keys: string[], n: number, passes = 1) => {
    let sink: unknown
    for (let pass = 0; pass < passes; pass++) for (let i = 0; i < n; i++) sink = op(store, keys[i], i)
    return sink
  }
}
