import { type Clock, globalClearTimeout, globalSetTimeout, MAX_DELAY } from './clock'
import { ExpiryQueue } from './expiryQueue'

/** What the schedule asks of the entries it watches (a {@link SlotStore} answers). */
export interface ExpiringEntries<K> {
  /** The expiration of `key`'s entry in clock ms; `Infinity` when it is gone or never expires. */
  _expirationOf(key: K): number
  keys(): Iterable<K>
  readonly size: number
  /** How many entries have a finite expiration. */
  readonly _expiring: number
}

/**
 * When a cache's entries expire, and the one timer that wakes the cache for the earliest of
 * them. The timer is pending exactly while some entry can expire, never later than the earliest
 * deadline, with its delay capped at {@link MAX_DELAY} and `unref()`ed so it never keeps a Node
 * process alive. When it fires, the cache's `onDue` removes what is due.
 */
export class ExpirySchedule<K> {
  #entries: ExpiringEntries<K>
  #queue: ExpiryQueue<K>
  #clock: Clock
  #onDue: () => void
  #timer: unknown
  /** When the pending timer fires; `Infinity` when none is pending. */
  #armedAt = Infinity
  /**
   * The earliest expiration as of the last `rearm`: never later than the true one, and earlier
   * only after a removal or an extension, which lets the timer fire once for nothing rather than
   * look into the queue on every delete and overwrite.
   */
  #earliest = Infinity

  constructor(entries: ExpiringEntries<K>, clock: Clock, onDue: () => void) {
    this.#entries = entries
    this.#queue = new ExpiryQueue((key) => entries._expirationOf(key))
    this.#clock = clock
    this.#onDue = onDue
  }

  /**
   * Takes note that `key` now expires at `expiration` (clock ms, `Infinity` for never), where it
   * expired at `previous` before (`Infinity` for a new entry), and re-arms the timer if needed.
   */
  _track(key: K, expiration: number, previous: number): void {
    if (expiration === previous) return
    // A later expiration needs no node: the key's earlier node finds the new time when it surfaces.
    if (expiration < previous) {
      const queue = this.#queue
      // Nodes of deleted or shortened entries linger until they surface: rebuild when they pile up.
      if (queue.length > 2 * this.#entries.size + 32) queue._rebuild(this.#entries.keys())
      queue.push(key, expiration)
    }
    if (expiration < this.#earliest || !this.#entries._expiring) this._rearm()
  }

  /** Cancels the timer when no entry is left that can expire (after removals). */
  _cancelIfIdle(): void {
    if (!this.#entries._expiring) this._rearm()
  }

  /**
   * Takes out, and returns, the keys whose expiration is at or before `now` (clock ms), earliest
   * first, passing each to `remove` (which must remove its entry) as it goes; then re-arms.
   */
  _takeDue(now: number, remove: (key: K) => void): K[] {
    const due = this.#queue._takeDue(now, remove)
    if (due.length) this._rearm()
    return due
  }

  /** Arms the one timer for the earliest expiration, or cancels it when nothing can expire. */
  _rearm(): void {
    const next = this.#queue._peek()
    this.#earliest = next
    if (next === this.#armedAt) return
    // A timer that fires earlier than needed is kept: it finds nothing due and arms again.
    if (next === Infinity || next < this.#armedAt) this.#cancel()
    if (next === Infinity || this.#timer !== undefined) return
    const now = this.#clock.now()
    this.#armedAt = Math.min(next, now + MAX_DELAY)
    const delay = Math.min(Math.max(Math.ceil(next - now), 0), MAX_DELAY)
    const timer = (this.#clock.setTimeout ?? globalSetTimeout)(this.#fire, delay)
    ;(timer as { unref?: () => void } | undefined)?.unref?.()
    this.#timer = timer
  }

  /** Forgets every node (after the entries were all removed) and cancels the timer. */
  clear(): void {
    this.#queue._rebuild([])
    this.stop()
  }

  /** Cancels the timer; the next `track` or `rearm` arms it again. */
  stop(): void {
    this.#cancel()
    this.#earliest = Infinity
  }

  #cancel(): void {
    if (this.#timer === undefined) return
    ;(this.#clock.clearTimeout ?? globalClearTimeout)(this.#timer)
    this.#timer = undefined
    this.#armedAt = Infinity
  }

  #fire = (): void => {
    this.#timer = undefined
    this.#armedAt = Infinity
    this.#onDue()
    this._rearm()
  }
}
