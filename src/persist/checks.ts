import { checkFunction, invalid } from '../core/errors'

/** @throws TypeError unless `cache` looks like a Cache (it has `onEvent`). */
export const checkCache = (cache: unknown): void =>
  checkFunction((cache as { onEvent?: unknown } | null)?.onEvent, 'cache.onEvent')

/** @throws TypeError naming each of `names` whose value in `options` is neither `undefined` nor a function. */
export function checkFunctions(options: object, names: string[]): void {
  for (const name of names) {
    const value = (options as Record<string, unknown>)[name]
    if (value !== undefined) checkFunction(value, name)
  }
}

/** @throws TypeError naming `name` unless `value` is a string that is not empty. */
export function checkName(value: unknown, name: string): void {
  if (typeof value !== 'string' || !value) throw invalid(name, 'a non-empty string', value)
}

/** @throws TypeError when `value` is not a number; RangeError unless it is from 0 to `max`. */
export function checkRange(value: unknown, name: string, max: number): void {
  if (typeof value === 'number' && value >= 0 && value <= max) return
  throw invalid(name, `a number from 0 to ${max}`, value, typeof value === 'number' ? RangeError : TypeError)
}
