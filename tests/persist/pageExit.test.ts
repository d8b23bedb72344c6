// @vitest-environment jsdom
// Pending writes are flushed when the page is left (pagehide) or hidden (visibilitychange), so a
// change made just before closing is not lost; stop() removes those listeners.
import { afterEach, expect, it, vi } from 'vitest'
import { pendingWrite, setUpFakeTimers } from './pages'

setUpFakeTimers()
afterEach(() => {
  setVisibility('visible')
})

const setVisibility = (state: DocumentVisibilityState) =>
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })

/** A cache whose first write has happened, so that the next change waits for the (long) throttle. */
const pageWithPendingWrite = () => pendingWrite(60_000)

it('pagehide writes the pending changes at once', () => {
  const { storage } = pageWithPendingWrite()
  window.dispatchEvent(new Event('pagehide'))
  expect(storage.setCalls).toBe(2)
  expect(storage.record().snapshot.entries).toEqual([['a', 2, null]])
})

it('the page turning hidden writes the pending changes at once; turning visible does not', () => {
  const { storage } = pageWithPendingWrite()
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  expect(storage.setCalls).toBe(1)
  setVisibility('hidden')
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  expect(storage.setCalls).toBe(2)
  expect(storage.record().snapshot.entries).toEqual([['a', 2, null]])
})

it('with nothing pending, leaving the page writes nothing', () => {
  const { storage } = pageWithPendingWrite()
  window.dispatchEvent(new Event('pagehide'))
  window.dispatchEvent(new Event('pagehide'))
  expect(storage.setCalls).toBe(2)
})

it('stop() removes the listeners and cancels the pending write', () => {
  const { storage, persistence } = pageWithPendingWrite()
  const removed = vi.spyOn(window, 'removeEventListener')
  persistence.stop()
  expect(removed.mock.calls.map(([type]) => type).sort()).toEqual(['pagehide', 'visibilitychange'])
  window.dispatchEvent(new Event('pagehide'))
  vi.advanceTimersByTime(120_000)
  expect(storage.setCalls).toBe(1)
  expect(vi.getTimerCount()).toBe(0)
})
