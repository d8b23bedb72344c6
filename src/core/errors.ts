/** How a value is shown in an error message: strings quoted, objects by kind, the rest as written. */
export const describe = (value: unknown): string =>
  typeof value === 'string' ? `"${value}"` : value && typeof value === 'object' ? 'an object' : String(value)

/** The error for an argument `name` that is not `expected`, showing the value it was given. */
export const invalid = (name: string, expected: string, value: unknown, Type = TypeError): Error =>
  new Type(`${name} must be ${expected}, got ${describe(value)}`)

/**
 * Thrown by {@link Cache.get}, {@link Cache.delete}, {@link Cache.expire}, {@link Cache.persist}
 * and {@link Cache.rename} when the key has no live entry (it is missing, or it has expired).
 */
export class KeyError<K = unknown> extends Error {
  /** The key that was looked up. */
  readonly key: K
  constructor(key: K) {
    super(`no live entry for key ${describe(key)}`)
    this.name = 'KeyError'
    this.key = key
  }
}

/**
 * Returns `ttl` when it is a positive number of milliseconds (or `Infinity`).
 * @throws TypeError when `ttl` is not a number; RangeError when it is 0, negative or NaN.
 */
export function checkTtl(ttl: unknown, name: string): number {
  if (typeof ttl !== 'number') throw invalid(name, 'a number', ttl)
  if (!(ttl > 0)) throw invalid(name, '> 0 ms or Infinity', ttl, RangeError)
  return ttl
}

/** @throws TypeError naming `name` when `value` is not a function. */
export function checkFunction(value: unknown, name: string): void {
  if (typeof value !== 'function') throw invalid(name, 'a function', value)
}

/** @throws TypeError or RangeError unless `ttl` is `null` or a valid TTL (see {@link checkTtl}). */
export const checkDefaultTtl = (ttl: unknown): number | null => (ttl === null ? null : checkTtl(ttl, 'defaultTtl'))

/** @throws TypeError when `maxSize` is not a number; RangeError unless it is a positive whole number or `Infinity`. */
export function checkMaxSize(maxSize: unknown): number {
  if (typeof maxSize !== 'number') throw invalid('maxSize', 'a number', maxSize)
  if (maxSize !== Infinity && !(maxSize > 0 && Number.isInteger(maxSize))) {
    throw invalid('maxSize', 'a positive whole number or Infinity', maxSize, RangeError)
  }
  return maxSize
}

/** @throws TypeError naming `name` unless `expiration` is `null` or a finite number (clock ms). */
export function checkExpiration(expiration: unknown, name: string): number | null {
  if (expiration === null || (typeof expiration === 'number' && Number.isFinite(expiration))) return expiration
  throw invalid(name, 'a finite number of ms or null', expiration)
}
