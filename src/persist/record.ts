import type { CacheSnapshot } from '../core/snapshot'

/**
 * What `persistCache` keeps under its `name`: the app's own `version` of the data, and the cache's
 * live entries as a {@link CacheSnapshot} (`[key, value, expiration]`, where `expiration` is the
 * absolute clock time in ms at which the entry expires, or `null` for never). Stored by default as
 * its JSON, e.g. `{"version":0,"snapshot":{"version":1,"entries":[["user",{"id":7},1767225600000]]}}`.
 */
export interface PersistedCache<K = unknown, V = unknown> {
  /** The `version` option of the app that wrote the record. */
  version: number
  /** The entries (`snapshot.version` is the snapshot format's own version, always 1). */
  snapshot: CacheSnapshot<K, V>
}

type Entry = CacheSnapshot['entries'][number]

const recordOf = (version: number, entries: Entry[]): PersistedCache => ({ version, snapshot: { version: 1, entries } })

/**
 * The record's text. When `serialize` throws for the whole record, each entry is tried on its own,
 * and those it throws for are left out and passed to `skip` with the error: one bad value costs
 * only its own entry, and a record that serializes (the usual case) costs one call.
 * @throws what `serialize` throws for the record once the bad entries are out.
 */
export function encode(
  version: number,
  entries: Entry[],
  serialize: (record: PersistedCache) => string,
  skip: (key: unknown, error: unknown) => void,
): string {
  try {
    return serialize(recordOf(version, entries))
  } catch {
    const writable = (entry: Entry): boolean => {
      try {
        serialize(recordOf(version, [entry]))
        return true
      } catch (error) {
        skip(entry[0], error)
        return false
      }
    }
    return serialize(recordOf(version, entries.filter(writable)))
  }
}
