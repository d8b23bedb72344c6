// Takes the README's screenshot of the playground: serves the built Storybook (storybook-static)
// on 127.0.0.1, drives Chromium (scripts/chromium.mjs finds it) with playwright-core, fills the playground, saves a PNG.
// Usage: npm run build-storybook && node scripts/screenshot.mjs [--out docs/playground.png]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from './chromium.mjs'

const root = new URL('../storybook-static/', import.meta.url).pathname
const outArg = process.argv.indexOf('--out')
const out = outArg > 0 ? process.argv[outArg + 1] : new URL('../docs/playground.png', import.meta.url).pathname
if (!existsSync(join(root, 'iframe.html'))) throw new Error('No storybook-static: run `npm run build-storybook` first.')

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  )
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
  if (!file.startsWith(root) || !existsSync(file)) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
  response.end(readFileSync(file))
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address()

// launch() refuses --user-data-dir in args: a persistent context takes the directory instead.
const profile = mkdtempSync(join(tmpdir(), 'poche-shot-'))
const context = await chromium.launchPersistentContext(profile, {
  ...chromiumLaunchOptions(),
  headless: true,
  viewport: { width: 1100, height: 760 },
})
try {
  const page = context.pages()[0] ?? (await context.newPage())
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=playground--default&viewMode=story&screenshot`)
  await page.getByRole('button', { name: 'Set', exact: true }).waitFor()
  // The event log subscribes in an effect, after the first paint.
  await page.waitForLoadState('networkidle')
  const set = async (key, value, ttl) => {
    await page.getByLabel('Key', { exact: true }).fill(key)
    await page.getByLabel('Value', { exact: true }).fill(value)
    await page.getByLabel('TTL (ms)').fill(String(ttl))
    await page.getByRole('button', { name: 'Set', exact: true }).click()
  }
  await set('a', 'apple', 20_000)
  await set('b', 'banana', 8_000)
  await set('c', 'cherry', 30_000)
  await set('a', 'apricot', 15_000)
  await page.getByRole('button', { name: 'Persist c' }).click()
  await page.waitForTimeout(1_500)
  await page.screenshot({ path: out, fullPage: true })
  if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`)
  process.stdout.write(`Wrote ${out}\n`)
} finally {
  await context.close()
  server.close()
  rmSync(profile, { recursive: true, force: true })
}
