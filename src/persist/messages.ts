import { isStamp, type Stamp } from './stamp'

/** A key `syncTabs` sends: strings and numbers only (an object key means nothing in another tab). */
export type SyncedKey = string | number

export const isSyncedKey = (key: unknown): key is SyncedKey => typeof key === 'string' || typeof key === 'number'

/** A write to apply in other tabs: `[key, stamp, value, expiration]` for a set, `[key, stamp]` for a delete. */
export type Change = [key: SyncedKey, stamp: Stamp, value?: unknown, expiration?: number | null]

/**
 * What crosses the channel; `poche: 1` and `from` (the sending tab's id) mark it as ours. A tab
 * that starts says `hello`; the others answer it (`to`) with their live entries as `changes`. A
 * write is sent as one `changes` item, a flush as its stamp, `cache.invalidate` as the keys it marked.
 */
export interface Message {
  poche: 1
  from: string
  to?: string
  hello?: true
  flush?: Stamp
  changes?: Change[]
  invalidate?: SyncedKey[]
}

/** Whether `value` is a well-formed {@link Change} (a set's expiration a finite number or `null`). */
export function isChange(value: unknown): value is Change {
  if (!Array.isArray(value) || !isSyncedKey(value[0]) || !isStamp(value[1])) return false
  const expiration = value[3]
  return value.length === 2 || (value.length === 4 && (expiration === null || Number.isFinite(expiration)))
}
