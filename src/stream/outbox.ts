import type { Cache } from '../core/cache'
import { isThenable } from '../core/entry'
import { settledValue } from '../core/promiseState'
import { type CacheSnapshot, scriptSafeJson } from '../core/snapshot'
import { INBOXES } from './streamContext'

interface Sender {
  cache: Cache<unknown, unknown>
  id: string
  /** The Promises already sent (a Promise is one request: it crosses once). */
  sent: WeakSet<PromiseLike<unknown>>
}

/**
 * What one server render streams to the browser: for each provider's cache (by its id), the
 * entries that the render fetched, once each has arrived, with its absolute expiration. Made per
 * request (by `renderToCacheStream`, or `CacheStream` in Next.js), so no data crosses requests.
 */
export class StreamOutbox {
  #senders: Sender[] = []

  /** Streams the entries that `cache`, the cache of the provider known as `id`, fetches from now on. */
  add(cache: Cache<unknown, unknown>, id: string): void {
    if (!this.#senders.some((sender) => sender.cache === cache)) this.#senders.push({ cache, id, sent: new WeakSet() })
  }

  /**
   * The JavaScript (without the `<script>` tag) that hands the browser every entry fetched since
   * the last call, one snapshot per provider: `''` when there is none. Written in a `<script>`
   * before the HTML of the boundary that reads them, it runs before React hydrates that boundary.
   * Values are escaped as {@link serializeSnapshot} does; one that JSON cannot hold (a cycle, a
   * BigInt) is left out, and the browser fetches it.
   */
  _takeScript(): string {
    let script = ''
    for (const { cache, id, sent } of this.#senders) {
      const entries: CacheSnapshot['entries'] = []
      for (const [key, { value, expiration }] of cache.items()) {
        // Only what the render fetched: plain values were computed or hydrated on both sides.
        if (!isThenable(value) || sent.has(value)) continue
        const settled = settledValue(value)
        if (!settled) continue
        sent.add(value)
        if (jsonable([key, settled.value])) entries.push([key, settled.value, expiration])
      }
      if (!entries.length) continue
      const snapshot: CacheSnapshot = { version: 1, entries }
      script += `(function(p,i){(p[i]=p[i]||[]).push(${scriptSafeJson(snapshot)})})(self.${INBOXES}=self.${INBOXES}||{},${scriptSafeJson(id)});`
    }
    return script
  }
}

const jsonable = (value: unknown): boolean => {
  try {
    JSON.stringify(value)
    return true
  } catch {
    return false
  }
}
