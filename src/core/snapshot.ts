import type { Cache } from './cache'
import { checkExpiration, checkFunction, invalid } from './errors'
import { settledValue } from './promiseState'

/**
 * A cache's live entries as plain data, to cross from a server to a browser, into storage or to
 * another tab: `[key, value, expiration]`, where `expiration` is the absolute clock time in ms at
 * which the entry expires (`null` for never), so every entry keeps its own TTL on the other side.
 * Both sides' clocks must count the same way (the default clock: ms since the epoch).
 */
export interface CacheSnapshot<K = unknown, V = unknown> {
  version: 1
  entries: [key: K, value: V, expiration: number | null][]
}

/** Options of {@link dehydrate}. */
export interface DehydrateOptions<K, V> {
  /** Which entries go in (default: all); called with the value a fulfilled Promise entry holds. */
  filter?: (key: K, value: Awaited<V>) => boolean
}

/** Options of {@link hydrate}. */
export interface HydrateOptions {
  /** Whether the snapshot's entries replace live ones (default `false`: a live entry wins). */
  overwrite?: boolean
}

/**
 * The committed live entries of `cache` (never an optimistic value: see `beginOptimistic`) as a
 * {@link CacheSnapshot}, in the order of `keys()`. A Promise
 * entry that has fulfilled goes in with its value; a pending or rejected one is left out.
 * @throws TypeError when `filter` is given and is not a function; whatever `filter` throws (the
 * cache is never changed by dehydrating).
 */
export function dehydrate<K, V>(
  cache: Cache<K, V>,
  options: DehydrateOptions<K, V> = {},
): CacheSnapshot<K, Awaited<V>> {
  const { filter } = options
  if (filter !== undefined) checkFunction(filter, 'filter')
  const entries: CacheSnapshot<K, Awaited<V>>['entries'] = []
  for (const [key, { value, expiration }] of cache.committed.items()) {
    const settled = settledValue(value)
    if (settled && (!filter || filter(key, settled.value))) entries.push([key, settled.value, expiration])
  }
  return { version: 1, entries }
}

/** The snapshot's entries, or a TypeError that names what is wrong with its shape. */
function entriesOf<K, V>(snapshot: unknown): CacheSnapshot<K, V>['entries'] {
  if (typeof snapshot !== 'object' || snapshot === null) throw invalid('snapshot', 'an object', snapshot)
  const { version, entries } = snapshot as Partial<CacheSnapshot<K, V>>
  if (version !== 1) throw invalid('snapshot.version', '1', version)
  if (!Array.isArray(entries)) throw invalid('snapshot.entries', 'an array', entries)
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i]
    if (!Array.isArray(entry) || entry.length !== 3) {
      throw invalid(`snapshot.entries[${i}]`, 'a [key, value, expiration] array', entry)
    }
    checkExpiration(entry[2], `snapshot.entries[${i}][2] (expiration)`)
  }
  return entries
}

/**
 * Stores the entries of `snapshot` in `cache`, each with its own absolute expiration, and returns
 * how many it stored. Entries already expired by the cache's clock are skipped, and so is a key
 * with a live entry, unless `overwrite` is set. Each stored key is announced as a `set`, after
 * all of them are stored, and its listeners hear it once.
 * @throws TypeError naming the problem when `snapshot` is not a {@link CacheSnapshot} (not an
 * object, another `version`, an entry that is not `[key, value, number | null]`, a non-finite
 * expiration). Everything is checked before anything is written: the cache is then unchanged.
 */
export function hydrate<K, V>(cache: Cache<K, V>, snapshot: CacheSnapshot<K, V>, options: HydrateOptions = {}): number {
  const entries = entriesOf<K, V>(snapshot)
  const overwrite = options.overwrite === true
  let stored = 0
  const release = cache.hold()
  try {
    for (const [key, value, expiration] of entries) {
      if (!overwrite && cache.committed.getItem(key) !== undefined) continue
      if (cache.setItem(key, { value, expiration })) stored++
    }
  } finally {
    release()
  }
  return stored
}

/**
 * `snapshot` as JSON that is safe inside an HTML `<script>`: `<`, `>`, `&`, U+2028 and U+2029 are
 * escaped, so a value holding `</script>` cannot end the script. `JSON.parse` gives the snapshot back.
 * @throws whatever `JSON.stringify` throws (a BigInt value, a cycle).
 */
export function serializeSnapshot(snapshot: CacheSnapshot<unknown, unknown>): string {
  return scriptSafeJson(snapshot)
}

/**
 * @internal `value` as JSON that is safe inside an HTML `<script>` (see {@link serializeSnapshot}).
 * @throws whatever `JSON.stringify` throws.
 */
export function scriptSafeJson(value: unknown): string {
  // Each as its \uXXXX escape, which JSON.parse reads back as the same character.
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
