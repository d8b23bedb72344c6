import type { Clock } from '../../src/core/index'

interface Timer {
  id: number
  at: number
  callback: () => void
}

/** A clock whose time moves only when told, and whose timers are counted and fired by `advance`. */
export class FakeClock implements Required<Clock> {
  time: number
  timers: Timer[] = []
  setCalls = 0
  clearCalls = 0
  delays: number[] = []
  #nextId = 1

  constructor(start = 1_000_000) {
    this.time = start
  }

  now = (): number => this.time

  setTimeout = (callback: () => void, ms: number): unknown => {
    this.setCalls++
    this.delays.push(ms)
    const timer = { id: this.#nextId++, at: this.time + ms, callback }
    this.timers.push(timer)
    return timer.id
  }

  clearTimeout = (handle: unknown): void => {
    this.clearCalls++
    this.timers = this.timers.filter((timer) => timer.id !== handle)
  }

  get pending(): number {
    return this.timers.length
  }

  /** The time the next timer fires at, or undefined. */
  get nextAt(): number | undefined {
    return this.timers.reduce<number | undefined>((at, t) => (at === undefined || t.at < at ? t.at : at), undefined)
  }

  /** Moves time forward by `ms`, firing every timer that comes due, in order, at its own time. */
  advance(ms: number): void {
    const end = this.time + ms
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      this.time = Math.max(this.time, due.at)
      due.callback()
    }
    this.time = end
  }

  /** Moves time without firing anything, as a throttled background tab would. */
  jump(ms: number): void {
    this.time += ms
  }
}
