/** Counts renders per name; a component calls `counter.hit(name)` as it renders. */
export class RenderCounter {
  counts = new Map<string, number>()
  hit(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1)
  }
  of(name: string): number {
    return this.counts.get(name) ?? 0
  }
  reset(): void {
    this.counts.clear()
  }
}
