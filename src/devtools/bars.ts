/** What a bar drains between: the expiration (cache clock ms) and the time left when first seen (ms). */
type Timing = [expiration: number, total: number]

/** The time-left bars of one panel, and the one requestAnimationFrame loop that drains them all. */
export interface Bars {
  /**
   * Shows `bar` (a progressbar whose first child is the fill and whose next sibling is a text node)
   * draining from `total` ms to none at `expiration`, painted now and on every frame after.
   * @returns a function that stops painting it; the loop stops with the last bar.
   */
  add(bar: HTMLElement, expiration: number, total: number): () => void
  /** Stops the loop (when the panel closes). */
  stop(): void
}

// Painted straight into the DOM: a React state update per bar per frame would re-render the table 60 times a second.
const paint = (bar: HTMLElement, [expiration, total]: Timing, now: number): void => {
  const left = Math.max(expiration - now, 0)
  const percent = total > 0 ? Math.min(left / total, 1) * 100 : 0
  bar.setAttribute('aria-valuenow', String(Math.round(percent)))
  ;(bar.firstChild as HTMLElement).style.width = `${percent}%`
  // A text node's data, written only when the tenth of a second changes: cheaper than textContent.
  const text = bar.nextSibling as Text
  const seconds = `${(left / 1000).toFixed(1)} s`
  if (text.data !== seconds) text.data = seconds
}

/**
 * A panel's bars, timed by `now` (the cache's clock, which the expirations are measured against).
 * Kept per panel (never at module level), so two panels never share a loop.
 */
export function createBars(now: () => number): Bars {
  const bars = new Map<HTMLElement, Timing>()
  let frame = 0
  const tick = () => {
    const time = now()
    for (const [bar, timing] of bars) paint(bar, timing, time)
    frame = requestAnimationFrame(tick)
  }
  const stop = () => {
    cancelAnimationFrame(frame)
    frame = 0
  }
  return {
    add(bar, expiration, total) {
      const timing: Timing = [expiration, total]
      bars.set(bar, timing)
      paint(bar, timing, now())
      frame ||= requestAnimationFrame(tick)
      return () => {
        bars.delete(bar)
        if (!bars.size) stop()
      }
    },
    stop,
  }
}
