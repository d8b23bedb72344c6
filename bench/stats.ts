export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2
}

export const table = ([header, ...rows]: string[][]) =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')

// Each contestant once to warm up, then all in turns (a block of runs would favour the first, on the cleanest heap).
export async function inTurns<C, R>(list: C[], rounds: number, run: (contestant: C) => Promise<R>): Promise<R[][]> {
  for (const contestant of list) await run(contestant)
  const runs = list.map((): R[] => [])
  for (let round = 0; round < rounds; round++) for (const [i, c] of list.entries()) runs[i].push(await run(c))
  return runs
}
