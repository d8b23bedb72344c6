/**
 * When a write happened, for deciding which of two writes to one key wins in every tab: a time in
 * ms and the id of the tab that wrote. Later time wins; at the same time, the greater tab id.
 */
export type Stamp = [time: number, tab: string]

/** Whether stamp `a` is later than `b`. */
export const isNewer = (a: Stamp, b: Stamp): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])

export const isStamp = (value: unknown): value is Stamp =>
  Array.isArray(value) && Number.isFinite(value[0]) && typeof value[1] === 'string'

/**
 * Stamps for the writes of tab `tab`: the wall clock, but always later than every stamp the tab
 * made or saw (a hybrid logical clock), so a write made after seeing another one wins over it even
 * when the two tabs' clocks disagree.
 */
export function stampClock(tab: string) {
  let last = 0
  return {
    next(): Stamp {
      last = Math.max(Date.now(), last + 1)
      return [last, tab]
    },
    see(stamp: Stamp): void {
      last = Math.max(last, stamp[0])
    },
  }
}
