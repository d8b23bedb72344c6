export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export const fixed = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : String(value)

/** A markdown table from a header row and body rows. */
export const table = (header: string[], rows: string[][]): string =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')

/**
 * Runs every contestant once to warm up, then all of them in turn for `rounds` rounds, and returns
 * each one's runs in list order. Taking turns, because whoever runs first in a block of runs gets
 * the cleanest heap: consecutive runs of one contestant would favour the first ones listed.
 */
export async function inTurns<C, R>(list: C[], rounds: number, run: (contestant: C) => Promise<R>): Promise<R[][]> {
  for (const contestant of list) await run(contestant)
  const runs = list.map((): R[] => [])
  for (let round = 0; round < rounds; round++)
    for (const [i, contestant] of list.entries()) runs[i]?.push(await run(contestant))
  return runs
}
