import { isThenable } from '../core/entry'
import { promiseStateOf, settledValue } from '../core/promiseState'

const ignore = (): void => {}

/**
 * The value of a cache entry as it can leave the page ({@link settledValue}); for a Promise still
 * pending, which has nothing to send or store yet, `then` is called once it fulfils.
 */
export function settledValueOrWait<V>(value: V, then: () => void): { value: Awaited<V> } | undefined {
  const settled = settledValue(value)
  if (!settled && isThenable(value) && promiseStateOf(value).status === 'pending') {
    // One job later than the Promise's own reactions, so that the cache has started the entry's TTL
    // by then (getOrCompute does that in a reaction that may be registered after this one).
    value.then(() => Promise.resolve().then(then), ignore)
  }
  return settled
}
