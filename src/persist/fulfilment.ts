import { isThenable } from '../core/entry'
import { outcomeOf } from '../core/outcome'

const ignore = (): void => {}

/**
 * The value of a cache entry as it can leave the page: a plain value as it is, a fulfilled Promise
 * as its value. A Promise still pending (or rejected) has nothing to send or store: `undefined`
 * then, and `then`, if given, is called once a pending one fulfils.
 */
export function settledValue<V>(value: V, then?: () => void): { value: Awaited<V> } | undefined {
  if (!isThenable(value)) return { value: value as Awaited<V> }
  const outcome = outcomeOf(value)
  if (outcome.status === 'success') return { value: outcome.value as Awaited<V> }
  if (then && outcome.status === 'pending') {
    // One job later than the Promise's own reactions, so that the cache has started the entry's TTL
    // by then (getOrCompute does that in a reaction that may be registered after this one).
    value.then(() => Promise.resolve().then(then), ignore)
  }
}
