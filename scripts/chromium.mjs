// The Chromium that the story tests, the browser tests, the screenshot script and the Next.js
// check drive with playwright-core (never Playwright's own download, which this network refuses).
// Found at CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one the npm package
// @sparticuz/chromium ships (a dev dependency), so `npm install && npm test` needs nothing else.
// Run as a script, it prints the path it would launch; with --npm, the npm one's (unpacked), so
// a machine that has Debian's can still test with the other:
//   CHROMIUM_PATH="$(node scripts/chromium.mjs --npm)" npm test
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(new URL(import.meta.url).pathname), '..')
const systemChromium = '/usr/bin/chromium'

/** Flags that work here as root, and keep Chromium off a network that only reaches npm. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Unpacks the Chromium of @sparticuz/chromium once, into a folder named after the package's
 * version (the package's own default, /tmp/chromium, is shared by every version of it, and an
 * older binary left there crashes at launch). It unpacks into a scratch folder first and renames
 * it, so a second process never sees a half-written binary. Synchronous (in a child process), so
 * callers can ask for the path at the moment they launch.
 */
function unpackedChromium() {
  const require = createRequire(join(root, 'package.json'))
  const { version } = require(join(dirname(require.resolve('@sparticuz/chromium')), '../../package.json'))
  const folder = join(tmpdir(), `poche-chromium-${version}`)
  const executable = join(folder, 'chromium')
  if (existsSync(executable)) return executable
  const scratch = `${folder}.${process.pid}`
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(scratch, { recursive: true })
  // The package unpacks into os.tmpdir(), which follows TMPDIR.
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "await (await import('@sparticuz/chromium')).default.executablePath()"],
    // Its output goes to stderr: stdout is the path alone, when run as a script.
    { cwd: root, env: { ...process.env, TMPDIR: scratch }, stdio: ['ignore', 2, 2] },
  )
  try {
    renameSync(scratch, folder)
  } catch (error) {
    // Another process finished first: its copy is as good.
    rmSync(scratch, { recursive: true, force: true })
    if (!existsSync(executable)) throw error
  }
  return executable
}

/** The path of the Chromium to launch (unpacking the npm package's one the first time it is needed). */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  if (existsSync(systemChromium)) return systemChromium
  return unpackedChromium()
}

/**
 * Options for playwright-core's `chromium.launch()` (and `launchPersistentContext`). The path is
 * a getter, so that merely loading a config that holds these options (as `vitest --project unit`
 * does) neither looks for a browser nor fails without one.
 */
export function chromiumLaunchOptions() {
  return {
    args: chromiumArgs,
    get executablePath() {
      return chromiumPath()
    },
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [option, ...rest] = process.argv.slice(2)
  if (rest.length > 0 || (option !== undefined && option !== '--npm')) {
    process.stderr.write('usage: node scripts/chromium.mjs [--npm]\n')
    process.exit(2)
  }
  process.stdout.write(`${option === '--npm' ? unpackedChromium() : chromiumPath()}\n`)
}
