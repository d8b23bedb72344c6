import { isThenable } from './entry'

/** What is known of a Promise stored in a cache: still pending, fulfilled with a value, or rejected. */
export type Outcome<V> = { status: 'pending' } | { status: 'success'; value: V } | { status: 'error'; error: unknown }

const pending: Outcome<never> = { status: 'pending' }

// Per Promise, not per cache: a Promise is one request wherever it is read (by the cache, the
// hooks, or dehydrate), and its record goes when the Promise does, so nothing is shared between
// server requests.
const outcomes = new WeakMap<PromiseLike<unknown>, Outcome<unknown>>()

/**
 * The outcome of `promise`, followed from the first time it is asked about: the same object
 * until it settles. A Promise first seen after it settled reads as pending until its callbacks run.
 */
export function outcomeOf<V>(promise: PromiseLike<V>): Outcome<V> {
  let outcome = outcomes.get(promise)
  if (!outcome) {
    outcome = pending
    outcomes.set(promise, outcome)
    promise.then(
      (value) => outcomes.set(promise, { status: 'success', value }),
      (error) => outcomes.set(promise, { status: 'error', error }),
    )
  }
  return outcome as Outcome<V>
}

/**
 * A cache value as it can leave the cache (in a snapshot, to storage, to another tab): a plain
 * value as it is, a fulfilled Promise as its value; `undefined` for a Promise still pending or
 * rejected, which has nothing to give.
 */
export function settledValue<V>(value: V): { value: Awaited<V> } | undefined {
  if (!isThenable(value)) return { value: value as Awaited<V> }
  const outcome = outcomeOf(value)
  return outcome.status === 'success' ? { value: outcome.value as Awaited<V> } : undefined
}
