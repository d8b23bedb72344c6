// Takes the README's two pictures of the playground: serves the built Storybook (storybook-static)
// on 127.0.0.1, drives Chromium (scripts/chromium.mjs finds it) with playwright-core, uses the demo
// shop as a person would, and saves two PNGs: the shop (playground.png) and the same shop with the
// CacheDevtools panel open over it (devtools.png, written next to the first).
// Usage: npm run build-storybook && node scripts/screenshot.mjs [--out docs/playground.png]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from './chromium.mjs'

const root = new URL('../storybook-static/', import.meta.url).pathname
const outArg = process.argv.indexOf('--out')
const out = outArg > 0 ? process.argv[outArg + 1] : new URL('../docs/playground.png', import.meta.url).pathname
const devtoolsOut = join(dirname(out), 'devtools.png')
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
  viewport: { width: 1280, height: 760 },
  deviceScaleFactor: 1,
  colorScheme: 'light',
})
try {
  const page = context.pages()[0] ?? (await context.newPage())
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  // A failed load is named with its address (Chromium's message alone does not say which).
  page.on(
    'console',
    (message) => message.type() === 'error' && errors.push(`${message.text()} ${message.location().url}`),
  )
  // ?screenshot: the story's play function leaves the page to this script.
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=playground--default&viewMode=story&screenshot`)
  // The shop has loaded when the selected product's details are on screen.
  await page.getByText(/^Rated \d/).waitFor()
  const shop = (name) => page.getByRole('button', { name, exact: true })
  await shop('Hand grinder').click()
  await page.getByText(/^Rated 4\.9/).waitFor()
  await shop('Add to cart: Hand grinder').click()
  await shop('Add to cart: Yirgacheffe beans').click()
  await shop('Add to cart: Yirgacheffe beans').click()
  await shop('Add to cart: Travel press').click()
  // Let the countdowns move off their first second.
  await page.waitForTimeout(2_300)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: out })
  process.stdout.write(`Wrote ${out}\n`)

  // The panel, open over the shop: a few actions so the table and the log have something to show.
  const panel = page.locator('[data-poche-devtools]')
  await panel.getByRole('button', { name: 'poche devtools' }).click()
  await panel.getByRole('table', { name: 'Entries' }).waitFor()
  await panel.getByRole('spinbutton', { name: 'Expire in seconds' }).fill('1')
  await panel.getByRole('button', { name: 'Expire price:2', exact: true }).click()
  await panel.getByRole('button', { name: 'Delete /api/products/3.json', exact: true }).click()
  await page.getByText(/^Rated 4\.9/).waitFor()
  await panel.getByRole('spinbutton', { name: 'Expire in seconds' }).fill('5')
  await panel.getByRole('spinbutton', { name: 'Expire in seconds' }).blur()
  await page.waitForTimeout(1_500)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: devtoolsOut })
  process.stdout.write(`Wrote ${devtoolsOut}\n`)
  if (errors.length) throw new Error(`The page logged errors: ${errors.join('; ')}`)
} finally {
  await context.close()
  server.close()
  rmSync(profile, { recursive: true, force: true })
}
