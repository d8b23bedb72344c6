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
