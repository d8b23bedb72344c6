// Test doubles for poche/persist: a storage that counts writes and fails on demand, a
// BroadcastChannel bus that connects channels of one name like tabs of one origin, and a way to
// expect console.error calls past the failing spy of tests/setup.ts.
import { vi } from 'vitest'
import type { StorageLike } from '../../src/persist/index'

/** What a full localStorage throws. */
export const quotaExceeded = (): DOMException =>
  new DOMException("Setting the value of 'x' exceeded the quota.", 'QuotaExceededError')

/** An in-memory Storage that counts setItem calls and throws what a test sets in `failWrites` or `failReads`. */
export class FakeStorage implements StorageLike {
  data = new Map<string, string>()
  setCalls = 0
  failWrites: unknown = undefined
  failReads: unknown = undefined

  getItem(name: string): string | null {
    if (this.failReads) throw this.failReads
    return this.data.get(name) ?? null
  }

  setItem(name: string, value: string): void {
    this.setCalls++
    if (this.failWrites) throw this.failWrites
    this.data.set(name, String(value))
  }

  removeItem(name: string): void {
    this.data.delete(name)
  }

  /** The stored record, parsed. */
  record(name = 'app'): { version: number; snapshot: { version: 1; entries: [unknown, unknown, number | null][] } } {
    return JSON.parse(this.data.get(name) ?? 'null')
  }
}

// Captured at import, so that delivery goes on while a test fakes the timers.
const realSetTimeout = globalThis.setTimeout

/**
 * Channels of one name that deliver to each other, never to themselves, as a task after the post
 * (like BroadcastChannel), each message structured-cloned (so a function throws DataCloneError).
 * `posted` lists every message posted, for counting; `thrown`, what the receivers threw.
 */
export function createBus() {
  const open = new Set<FakeChannel>()
  const posted: { name: string; data: unknown }[] = []
  const thrown: unknown[] = []
  let inFlight = 0

  class FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null
    closed = false
    constructor(readonly name: string) {
      open.add(this)
    }
    postMessage(message: unknown): void {
      if (this.closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError')
      const data = structuredClone(message)
      posted.push({ name: this.name, data })
      for (const other of open) {
        if (other === this || other.name !== this.name) continue
        inFlight++
        realSetTimeout(() => {
          inFlight--
          try {
            if (!other.closed) other.onmessage?.({ data: structuredClone(data) } as MessageEvent)
          } catch (error) {
            thrown.push(error)
          }
        }, 0)
      }
    }
    close(): void {
      this.closed = true
      open.delete(this)
    }
  }

  return {
    Channel: FakeChannel,
    posted,
    thrown,
    /** Messages of poche's shape posted so far (not the ones a test posts itself). */
    get pocheMessages() {
      return posted.map((p) => p.data as Record<string, unknown>).filter((data) => data?.poche === 1)
    },
    /**
     * Waits until every message posted so far, and every one those caused, has been delivered.
     * @throws when messages are still coming after 100 rounds (a loop between tabs).
     */
    async drain(): Promise<void> {
      for (let round = 0; round < 100; round++) {
        await new Promise((resolve) => realSetTimeout(resolve, 0))
        if (!inFlight) return
      }
      throw new Error('messages keep coming: the tabs loop')
    },
  }
}

/** Puts a fresh bus in place of the global BroadcastChannel (undone by vi.unstubAllGlobals). */
export function installBus() {
  const bus = createBus()
  vi.stubGlobal('BroadcastChannel', bus.Channel)
  return bus
}

/**
 * Lets console.error through for the rest of the test, recording each call's arguments instead of
 * failing the test (tests/setup.ts fails it otherwise): for tests of the default report.
 */
export function recordConsoleErrors(): unknown[][] {
  const calls: unknown[][] = []
  vi.mocked(console.error).mockImplementation((...args: unknown[]) => {
    calls.push(args)
  })
  return calls
}
