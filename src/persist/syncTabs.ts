import type { Cache, CacheItem } from '../core/cache'
import { describe } from '../core/errors'
import { settledValue } from '../core/promiseState'
import { checkCache, checkFunctions, checkName } from './checks'
import { settledValueOrWait } from './fulfilment'
import { type Change, isChange, isSyncedKey, type Message, type SyncedKey } from './messages'
import { type ErrorHandler, reporter } from './report'
import { isNewer, isStamp, type Stamp, stampClock } from './stamp'

/** Options of {@link syncTabs}. */
export interface SyncTabsOptions {
  /** The `BroadcastChannel` name; tabs on the same name share their entries. Default `'poche'`. */
  channel?: string
  /** Receives each problem, once (see {@link syncTabs}); default: `console.error`. */
  onError?: ErrorHandler
}

/**
 * Keeps `cache` the same in every tab of the origin that syncs on the same channel, through
 * `BroadcastChannel`. A `set`, `delete`, `expire()`, `persist()`, `rename()` or `flush()` in one
 * tab is applied in the others with the same absolute expiration. Expiry sends nothing: every tab
 * expires the entry on the same deadline. Eviction by `maxSize` is the tab's own and is not sent.
 *
 * - A tab that starts syncing says hello; every open tab answers it with its live entries, and the
 *   new tab applies each answer by the rule below, so the first answer is enough and later ones
 *   agree. Entries the new tab held before it started count as older than any peer's.
 * - Two tabs writing one key at once end with the same entry: every write carries a stamp (time in
 *   ms, then tab id, from a clock that is always ahead of every stamp the tab has seen), each tab
 *   remembers the stamp of the last write it knows per key (a deleted key's too, until a flush),
 *   and applies a write from another tab only if it is newer.
 * - `cache.invalidate` in one tab marks the same keys stale in the others (their mounted readers
 *   fetch them again, each tab for itself); the marks of one task cross in one message.
 * - A flush removes, in every tab, the entries written before it (told to subscribers as deletes
 *   in the other tabs); a write made after it, in any tab, stays.
 * - A change applied from another tab is never sent again: the tab remembers, per key, the entry
 *   the others have, and sends an entry only when it is another one. This holds however the
 *   cache's notifications are delayed (`hold()`); changes from one message are applied in one hold.
 * - A pending Promise is never sent; its value is, once it fulfils (a rejected one never is).
 * - Only string and number keys are synced; entries under other keys stay in their tab.
 * - Values cross by structured clone (a `Date` or `Map` arrives as one; a value that cannot be
 *   cloned, such as a function, is not sent and is reported by key).
 * - Messages of another shape on the channel are ignored.
 *
 * Problems never throw into the app: a missing `BroadcastChannel` (then nothing is synced, and
 * the error `new BroadcastChannel` threw is reported) and a value that cannot be sent (a TypeError
 * naming the key, once per key) go to `onError`, or `console.error` when there is none.
 *
 * Start it after `persistCache` has hydrated the cache, so that the entries read from storage are
 * not sent as new writes (they would win over the other tabs' newer ones).
 *
 * @returns a function that stops syncing and closes the channel.
 * @throws TypeError for invalid arguments: `cache` not a Cache, `channel` not a non-empty string,
 * `onError` not a function (nothing is started then).
 */
export function syncTabs<K, V>(cache: Cache<K, V>, options: SyncTabsOptions = {}): () => void {
  checkCache(cache)
  const { channel: name = 'poche', onError } = options ?? {}
  checkName(name, 'channel')
  checkFunctions(options ?? {}, ['onError'])
  const report = reporter(onError)
  let channel: BroadcastChannel
  try {
    channel = new BroadcastChannel(name)
  } catch (error) {
    report(0, error)
    return () => {}
  }

  const local = cache as unknown as Cache<SyncedKey, unknown>
  // Optimistic values stay in their tab: only committed entries are read, and sent.
  const committed = local.committed
  const tab = Math.random().toString(36).slice(2)
  const clock = stampClock(tab)
  // Per key, the stamp of the last write this tab knows of (kept after a delete, so that an older
  // write arriving late cannot bring the key back), and the entry the other tabs were last told of.
  const stamps = new Map<SyncedKey, Stamp>()
  const shared = new Map<SyncedKey, CacheItem<unknown> | undefined>()
  // Entries held before the tab met the others carry no stamp: older than every real write.
  let flushedAt: Stamp = [0, '']
  let stopped = false
  // Keys this tab invalidated, sent together after the task that marked them; and the keys a peer
  // invalidated here, whose 'invalidate' events are not sent back.
  let invalidated: SyncedKey[] = []
  const fromPeers = new Set<SyncedKey>()

  const post = (message: Omit<Message, 'poche' | 'from'>): void =>
    channel.postMessage({ poche: 1, from: tab, ...message })

  /** Posts `changes`; when a value cannot be cloned, the others go one by one and its key is reported. */
  const send = (changes: Change[], to?: string): void => {
    try {
      post({ to, changes })
    } catch (error) {
      if (changes.length > 1) for (const change of changes) send([change], to)
      else report(changes[0]?.[0], new TypeError(`key ${describe(changes[0]?.[0])} not sent: ${error}`))
    }
  }

  /** Tells the other tabs the entry `key` has now, unless it is the one they have. */
  const share = (key: SyncedKey): void => {
    const item = committed.getItem(key)
    if (stopped || (shared.has(key) && shared.get(key) === item)) return
    const settled = item && settledValueOrWait(item.value, () => share(key))
    if (item && !settled) return
    const stamp = clock.next()
    stamps.set(key, stamp)
    shared.set(key, item)
    send([settled ? [key, stamp, settled.value, item.expiration] : [key, stamp]])
  }

  /** Removes every entry written before `flush`, and forgets those writes. */
  const applyFlush = (flush: Stamp): void => {
    for (const key of committed.keys()) {
      const written = stamps.get(key) ?? flushedAt
      if (isNewer(written, flush)) continue
      stamps.delete(key)
      shared.set(key, undefined)
      local.delete(key)
    }
    for (const [key, written] of stamps) if (!isNewer(written, flush)) stamps.delete(key)
    flushedAt = flush
  }

  const apply = (change: Change): void => {
    const [key, stamp, value, expiration] = change
    if (!isNewer(stamp, stamps.get(key) ?? flushedAt)) return
    stamps.set(key, stamp)
    const stored = change.length > 2 && local.setItem(key, { value, expiration: expiration as number | null })
    // A delete, or a set that expired on the way: the sending tab has no entry for the key now.
    if (!stored && committed.getItem(key)) local.delete(key)
    shared.set(key, committed.getItem(key))
  }

  /** Sends the tab `to`, which has just started, this tab's live entries. */
  const answer = (to: string): void => {
    const changes: Change[] = []
    for (const [key, item] of committed.items()) {
      const settled = isSyncedKey(key) && settledValue(item.value)
      if (settled) changes.push([key, stamps.get(key) ?? [0, tab], settled.value, item.expiration])
    }
    send(changes, to)
  }

  const unsubscribe = local.onEvent(({ type, key, optimistic }) => {
    if (stopped || optimistic) return
    if (type === 'flush') {
      flushedAt = clock.next()
      stamps.clear()
      shared.clear()
      post({ flush: flushedAt })
    } else if (isSyncedKey(key)) {
      if (type === 'set' || type === 'delete') share(key)
      else if (type === 'invalidate') {
        if (fromPeers.delete(key)) return
        if (!invalidated.length) {
          queueMicrotask(() => {
            if (!stopped) post({ invalidate: invalidated })
            invalidated = []
          })
        }
        invalidated.push(key)
      } else {
        // Expired (every tab expires it itself) or evicted (this tab's own bound): nothing is sent.
        stamps.delete(key)
        shared.delete(key)
      }
    }
  })

  channel.onmessage = ({ data }: MessageEvent<Partial<Message> | null>) => {
    // Anything else on the channel (another library's messages) is ignored.
    if (stopped || data?.poche !== 1 || (data.to !== undefined && data.to !== tab)) return
    if (data.hello) answer(data.from as string)
    // Held, so that the cache announces the changes after `shared` knows them (they are not sent
    // back), and each changed key's listeners hear of a batch once.
    const release = local.hold()
    try {
      if (isStamp(data.flush) && isNewer(data.flush, flushedAt)) {
        clock.see(data.flush)
        applyFlush(data.flush)
      }
      if (Array.isArray(data.changes)) {
        for (const change of data.changes) {
          if (!isChange(change)) continue
          clock.see(change[1])
          apply(change)
        }
      }
      if (Array.isArray(data.invalidate)) {
        for (const key of data.invalidate) {
          if (!isSyncedKey(key) || fromPeers.has(key)) continue
          fromPeers.add(key)
          if (!local.invalidate(key)) fromPeers.delete(key)
        }
      }
    } finally {
      release()
    }
  }
  post({ hello: true })

  return () => {
    stopped = true
    unsubscribe()
    channel.close()
  }
}
