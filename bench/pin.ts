import { spawnSync } from 'node:child_process'

/**
 * The command prefix that keeps a benchmark process on one CPU. The cores of a shared (virtual) machine can differ
 * widely in memory-bound work, one of them slowed by a busy neighbour, so a process that the scheduler moves between
 * them measures the cores rather than the code, and two contestants timed minutes apart (or two builds in an A/B)
 * may be timed on different cores. `BENCH_CPU` names the core (default 0); `BENCH_CPU=any`, or a machine without
 * `taskset`, leaves the choice to the scheduler.
 */
export function pinning(): string[] {
  const cpu = process.env.BENCH_CPU ?? '0'
  if (cpu === 'any' || spawnSync('taskset', ['-V']).status !== 0) return []
  return ['taskset', '-c', cpu]
}
