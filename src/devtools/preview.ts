import { isThenable } from '../core/entry'
import { promiseStateOf } from '../core/promiseState'

/** How many characters of a value's one-line JSON the entries table shows before "…". */
const PREVIEW_LENGTH = 60

/** `String(value)`, or its type when even that throws (an object without prototype, a throwing toString). */
export const label = (value: unknown): string => {
  try {
    return String(value)
  } catch {
    return typeof value
  }
}

/** `value` if it is a Promise (or any thenable); never throws, though reading `then` can (a revoked Proxy). */
export const promiseIn = (value: unknown): PromiseLike<unknown> | undefined => {
  try {
    return isThenable(value) ? value : undefined
  } catch {}
}

/**
 * `value` as JSON (indented by `space`); a fulfilled Promise (a fetch the hooks memoized) as its
 * value's; for what JSON cannot show (a pending or rejected Promise, a function, `undefined`, a
 * BigInt, a circular object), a readable name. Never throws: the panel shows whatever the app stored.
 */
export const toJson = (value: unknown, space?: number): string => {
  const promise = promiseIn(value)
  try {
    if (promise) {
      const outcome = promiseStateOf(promise)
      return outcome.status === 'success' ? toJson(outcome.value, space) : `Promise (${outcome.status})`
    }
    if (typeof value === 'function') return `ƒ ${value.name}()`
    const json = JSON.stringify(value, null, space)
    if (json !== undefined) return json
  } catch {}
  return label(value)
}

/** A one-line preview of `value`, cut at {@link PREVIEW_LENGTH} characters. */
export const preview = (value: unknown): string => {
  const json = toJson(value)
  return json.length > PREVIEW_LENGTH ? `${json.slice(0, PREVIEW_LENGTH)}…` : json
}
