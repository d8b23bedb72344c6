import { isThenable } from './entry'

/** What is known of a Promise stored in a cache: still pending, fulfilled with a value, or rejected. */
export type PromiseState<V> =
  | { status: 'pending' }
  | { status: 'success'; value: V }
  | { status: 'error'; error: unknown }

const pending: PromiseState<never> = { status: 'pending' }

// Per Promise, not per cache: a Promise is one request wherever it is read (by the cache, the
// hooks, or dehydrate), and its record goes when the Promise does, so nothing is shared between
// server requests.
const states = new WeakMap<PromiseLike<unknown>, PromiseState<unknown>>()

/**
 * The state of `promise`, followed from the first time it is asked about: the same object
 * until it settles. A Promise first seen after it settled reads as pending until its callbacks run.
 */
export function promiseStateOf<V>(promise: PromiseLike<V>): PromiseState<V> {
  let state = states.get(promise)
  if (!state) {
    state = pending
    states.set(promise, state)
    promise.then(
      (value) => states.set(promise, { status: 'success', value }),
      (error) => states.set(promise, { status: 'error', error }),
    )
  }
  return state as PromiseState<V>
}

/**
 * A cache value as it can leave the cache (in a snapshot, to storage, to another tab): a plain
 * value as it is, a fulfilled Promise as its value; `undefined` for a Promise still pending or
 * rejected, which has nothing to give.
 */
export function settledValue<V>(value: V): { value: Awaited<V> } | undefined {
  if (!isThenable(value)) return { value: value as Awaited<V> }
  const state = promiseStateOf(value)
  return state.status === 'success' ? { value: state.value as Awaited<V> } : undefined
}
