const exitEvents = ['pagehide', 'visibilitychange']

/**
 * Calls `leaving()` when the page may be about to go away: on `pagehide`, and when the page turns
 * hidden (`visibilitychange`, the last moment a mobile browser promises before it kills a
 * backgrounded tab). Listens on the global object (where `visibilitychange` bubbles up from the
 * document), and only where it has `addEventListener` (not on a server).
 * @returns a function that removes the listeners.
 */
export function onPageExit(leaving: () => void): () => void {
  const target = globalThis as unknown as Partial<Window>
  const listener = (event: Event): void => {
    if (event.type === 'pagehide' || target.document?.visibilityState === 'hidden') leaving()
  }
  if (target.addEventListener) for (const type of exitEvents) target.addEventListener(type, listener)
  return () => {
    if (target.removeEventListener) for (const type of exitEvents) target.removeEventListener(type, listener)
  }
}
