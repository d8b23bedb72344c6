// npm run bench -- --ab <commit> [pairs]: the working tree's built poche/core against <commit>'s, in alternating
// processes (bench/abRun.ts), so that both run on the same machine state and neither warms V8 for the other. Prints
// per operation new/old as a speed ratio (old ms ÷ new ms: above 1 is faster now), the median over the pairs and
// their spread. This is the measurement for every "within 10%" claim: a whole `npm run bench` moves more than that
// from run to run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pinning } from './pin'
import { median, table } from './stats'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Builds `commit`'s package once (kept in the temp folder by commit hash); returns its built poche/core. */
function buildOf(commit: string): string {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], {
    cwd: root,
    encoding: 'utf8',
  }).trim()
  const folder = join(tmpdir(), `poche-ab-${sha}`)
  const core = join(folder, 'dist', 'core.js')
  if (existsSync(core)) return core
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  execFileSync('bash', ['-c', `git archive ${sha} | tar -x -C "${folder}"`], { cwd: root })
  // Its own sources with today's installed tools: an older commit's lockfile may differ, the build tools rarely do.
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'))
  execFileSync(join(root, 'node_modules', '.bin', 'tsup'), ['--silent'], { cwd: folder, stdio: 'inherit' })
  return core
}

type Timings = Record<string, number>
function side(core: string, pin: string[]): Timings {
  const [command, ...args] = [...pin, process.execPath, '--import', 'tsx', join(root, 'bench', 'abRun.ts'), core]
  const run = spawnSync(command as string, args, { cwd: root, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`bench/abRun.ts failed for ${core}:\n${run.stderr}`)
  return JSON.parse(run.stdout)
}

export function ab(commit: string, pairs: number): void {
  const [newCore, oldCore] = [join(root, 'dist', 'core.js'), buildOf(commit)]
  if (!existsSync(newCore)) throw new Error('dist/core.js is missing: run the build first (npm run bench does)')
  const pin = pinning()
  const ratios: Record<string, number[]> = {}
  /** Each side's fastest ms per operation over all its processes: the run least disturbed by the machine. */
  const best = { new: {} as Timings, old: {} as Timings }
  for (let pair = 0; pair < pairs; pair++) {
    // Alternate which side runs first, so a machine that slows down (or warms up) over a pair favours neither.
    const [first, second] = pair % 2 ? [oldCore, newCore] : [newCore, oldCore]
    const a = side(first, pin)
    const b = side(second, pin)
    const [now, then] = pair % 2 ? [b, a] : [a, b]
    for (const op of Object.keys(now)) {
      ratios[op] ??= []
      ratios[op].push(then[op] / now[op])
      best.new[op] = Math.min(best.new[op] ?? Infinity, now[op])
      best.old[op] = Math.min(best.old[op] ?? Infinity, then[op])
    }
    process.stderr.write(`pair ${pair + 1}/${pairs}\n`)
  }
  const x = (r: number) => `${r.toFixed(2)}×`
  const rows = Object.entries(ratios).map(([op, r]) => {
    const sorted = [...r].sort((p, q) => p - q)
    return [
      op,
      x(median(r)),
      `${x(sorted[0])} – ${x(sorted[sorted.length - 1])}`,
      String(r.filter((v) => v < 0.9).length),
      x(best.old[op] / best.new[op]),
    ]
  })
  process.stdout.write(
    `working tree vs ${commit}, ${pairs} process pairs, ${pin.length ? `on CPU ${pin[2]}` : 'on any CPU'} ` +
      `(speed: old ms ÷ new ms, above 1 is faster now)\n\n` +
      `${table([['operation (100k keys)', 'median', 'spread over the pairs', 'pairs below 0.90×', 'best ÷ best'], ...rows])}\n`,
  )
}
