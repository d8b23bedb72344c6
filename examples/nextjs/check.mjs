// Checks the built example (run `next build` first; ci.sh does it all): serves it with `next start`
// on a free port of 127.0.0.1, reads its pages over HTTP and in Chromium, prints one line per check
// and a last line "N passed, M failed", and exits 1 if any failed.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const nextBin = join(here, 'node_modules', 'next', 'dist', 'bin', 'next')
// Names and keys of this run only: nothing left from an earlier run or another check can match.
const token = randomBytes(4).toString('hex')
const alice = `alice-${token}`
const bob = `bob-${token}`

let passed = 0
let failed = 0
async function check(name, body) {
  try {
    await body()
    passed++
    console.log(`ok   ${name}`)
  } catch (error) {
    failed++
    console.log(`FAIL ${name}\n     ${error instanceof Error ? error.message : error}`)
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message)
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A port that was free a moment ago: listen on port 0, read the port, close. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

// --- the server -------------------------------------------------------------------------------

const port = await freePort()
const base = `http://127.0.0.1:${port}`
const serverLog = []
// In a process group of its own (detached), so that stopping it stops anything it started.
const server = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
  cwd: here,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
})
const serverExit = new Promise((resolve) => server.once('exit', (code, signal) => resolve(signal ?? code)))
for (const stream of [server.stdout, server.stderr]) stream.on('data', (chunk) => serverLog.push(String(chunk)))

const running = () => server.exitCode === null && server.signalCode === null
async function stopServer() {
  if (!running()) return
  const signalGroup = (signal) => {
    try {
      process.kill(-server.pid, signal)
    } catch {
      // Already gone.
    }
  }
  signalGroup('SIGTERM')
  if ((await Promise.race([serverExit, sleep(5_000).then(() => 'timeout')])) === 'timeout') {
    signalGroup('SIGKILL')
    await serverExit
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log(`interrupted (${signal}): stopping next start`)
    stopServer().finally(() => process.exit(1))
  })
}

async function waitForServer() {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (!running()) throw new Error(`next start exited (${await serverExit}):\n${serverLog.join('')}`)
    try {
      await fetch(`${base}/`, { signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      await sleep(200)
    }
  }
  throw new Error(`next start did not answer on ${base} within 60 s:\n${serverLog.join('')}`)
}

async function html(path) {
  const response = await fetch(base + path)
  assert(response.ok, `GET ${path}: ${response.status}`)
  return response.text()
}
async function counts() {
  const response = await fetch(`${base}/api/value`)
  assert(response.ok, `GET /api/value: ${response.status}`)
  return (await response.json()).counts
}
/** The counts of this run's keys (those that start with `prefix`). */
const countsOf = (all, prefix) => Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix)))

// --- the checks -------------------------------------------------------------------------------

const browserProblems = []
let browser

/** A page in a context of its own (a fresh browser profile: its own cache), watched for errors. */
async function openPage() {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error' || (message.type() === 'warning' && /hydrat/i.test(text))) {
      // The source's address names a failed load (Chromium's message alone does not say which).
      browserProblems.push(`${page.url()}: console ${message.type()}: ${text} (${message.location().url})`)
    }
  })
  page.on('pageerror', (error) => {
    // Production React names its errors by number; these are the hydration ones.
    const hydration = /Minified React error #(418|419|421|422|423|425)\b/.test(error.message)
      ? 'hydration mismatch: '
      : ''
    browserProblems.push(`${page.url()}: page error: ${hydration}${error.message}`)
  })
  return page
}
/**
 * Loads `path` and waits until the network is quiet, by which time the page has hydrated.
 * Returns the page and the HTML the server sent it.
 */
async function visit(path) {
  const page = await openPage()
  const response = await page.goto(base + path, { waitUntil: 'networkidle' })
  assert(response?.ok(), `GET ${path} in Chromium: ${response?.status()}`)
  return { page, sent: await response.text() }
}

/** What a user page's server HTML says about who is signed in. */
function assertUserHtml(text, name, other) {
  assert(text.includes(`data-testid="me">${name}</strong>`), `the HTML for ${name} does not show ${name}`)
  assert(!text.includes(other), `the HTML for ${name} contains ${other}`)
}

/** The readers on /prefetch in its HTML `text`: hook, key, status and text (tags dropped) of each. */
function prefetchReaders(text) {
  const reader =
    /<li data-testid="prefetch-reader" data-hook="([^"]*)" data-key="([^"]*)" data-status="([^"]*)">(.*?)<\/li>/g
  return [...text.matchAll(reader)].map(([, hook, key, status, inner]) => ({
    hook,
    key,
    status,
    text: inner.replace(/<[^>]*>/g, ''),
  }))
}
/** The readers /prefetch renders for the keys of `prefix`, in order; `extra` is not prefetched. */
const prefetchLayout = (prefix) => [
  { hook: 'useCachedAsync', key: `${prefix}profile` },
  { hook: 'useCachedAsync', key: `${prefix}feed` },
  { hook: 'useSuspenseCachedValue', key: `${prefix}profile` },
  { hook: 'useSuspenseCachedValue', key: `${prefix}feed` },
  { hook: 'useCachedAsync', key: `${prefix}extra` },
]
const isExtra = (key) => key.endsWith('extra')
/** What a reader shows for a value the server prefetched: its `load`-th load of `key` (any, for `null`). */
const prefetchedText = (key, load) =>
  new RegExp(`value of ${key} \\(prefetched on the server, load #${load ?? '\\d+'}\\)`)

/**
 * The HTML the server sent for /prefetch: every reader of a prefetched key already shows the
 * value (the Suspense ones did not suspend: no fallback), and the reader of the other key shows
 * "loading…", which the browser's first render must show too.
 */
function assertPrefetchHtml(text, prefix, load) {
  const readers = prefetchReaders(text)
  const layout = prefetchLayout(prefix)
  assert(
    JSON.stringify(readers.map(({ hook, key }) => ({ hook, key }))) === JSON.stringify(layout),
    `the HTML holds the readers ${JSON.stringify(readers)}`,
  )
  for (const { hook, key, status, text: shown } of readers) {
    if (isExtra(key)) {
      assert(status === 'pending' && shown.includes('loading…'), `the HTML's ${hook} of ${key}: ${status}, "${shown}"`)
    } else {
      assert(
        status === 'success' && prefetchedText(key, load).test(shown),
        `the HTML's ${hook} of ${key} does not show the prefetched value (load #${load ?? 'any'}): ${status}, "${shown}"`,
      )
    }
  }
  assert(!text.includes('data-testid="prefetch-fallback"'), 'the HTML holds the Suspense fallback: a reader suspended')
}

/**
 * Runs in the browser before the page's first byte is parsed (page.addInitScript): notes every
 * distinct state of the /prefetch readers and of its Suspense fallback that could reach the
 * screen, from the HTML parser's inserts to React's last commit, in window.__readerStates.
 */
function recordReaderStates() {
  const seen = new Set()
  const states = []
  window.__readerStates = states
  const note = () => {
    for (const element of document.querySelectorAll(
      '[data-testid="prefetch-reader"], [data-testid="prefetch-fallback"]',
    )) {
      const { hook = 'fallback', key = '', status = '' } = element.dataset
      const state = { hook, key, status, text: element.textContent ?? '' }
      const id = JSON.stringify(state)
      if (seen.has(id)) continue
      seen.add(id)
      states.push(state)
    }
  }
  new MutationObserver(note).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  })
}

/**
 * What the browser showed on /prefetch (the states recordReaderStates noted): never the fallback,
 * never anything but the prefetched value for a prefetched key; for the other key, "loading…"
 * first (as in the server's HTML), then the value of its `request`-th request to the route.
 */
async function assertShownOnPrefetch(page, prefix, load, request) {
  const states = await page.evaluate(() => window.__readerStates)
  const show = (list) => list.map((state) => JSON.stringify(state)).join('\n       ')
  const fallbacks = states.filter(({ hook }) => hook === 'fallback')
  assert(fallbacks.length === 0, `the Suspense fallback showed:\n       ${show(fallbacks)}`)
  const loading = states.filter(
    ({ key, status, text }) => !isExtra(key) && (status !== 'success' || text.includes('loading')),
  )
  assert(loading.length === 0, `a prefetched key showed a loading state:\n       ${show(loading)}`)
  // The HTML parser may hand the observer a text node it has not finished (once seen: "useCachedAsync('"): a state
  // whose text the next state of the same reader continues, with the same status, is that paint still arriving.
  const extra = states
    .filter(({ key }) => key === `${prefix}extra`)
    .filter((state, i, all) => {
      const next = all.slice(i + 1).find(({ hook }) => hook === state.hook)
      return !(next?.status === state.status && next.text !== state.text && next.text.startsWith(state.text))
    })
  assert(
    extra[0]?.status === 'pending' && extra[0].text.includes('loading…'),
    `the reader of ${prefix}extra did not start with "loading…":\n       ${show(extra)}`,
  )
  for (const { hook, key } of prefetchLayout(prefix)) {
    const shown = await page
      .locator(`[data-testid="prefetch-reader"][data-hook="${hook}"][data-key="${key}"]`)
      .textContent()
    const expected = isExtra(key)
      ? new RegExp(`value of ${key} \\(fetched in the browser, request #${request}\\)`)
      : prefetchedText(key, load)
    assert(expected.test(shown ?? ''), `${hook} of ${key} shows "${shown}", expected ${expected}`)
  }
}

async function main() {
  await waitForServer()
  console.log(`next start answers on ${base}`)

  await check('GET / renders both useCachedValue readers on the server', async () => {
    const text = await html('/')
    for (const reader of ['first', 'second']) {
      assert(text.includes(`data-testid="fib-${reader}">832040</output>`), `the ${reader} reader shows no fib(30)`)
    }
  })

  await check(
    'GET /core: a server component renders from a poche/core Cache, and the next request reuses it',
    async () => {
      const read = (text, id) => text.match(new RegExp(`data-testid="${id}">([^<]*)<`))?.[1]
      const first = await html('/core')
      const second = await html('/core')
      assert(read(first, 'primes') === '9592', `expected 9592 primes, got ${read(first, 'primes')}`)
      assert(read(first, 'keys') === 'primes', `expected the keys "primes", got ${read(first, 'keys')}`)
      assert(read(first, 'computed-at'), 'no computation time rendered')
      for (const id of ['computation', 'computed-at']) {
        assert(read(first, id) === read(second, id), `${id} changed between two requests: not served from the cache`)
      }
    },
  )

  await check('GET /async: the server render makes no request to the route handler', async () => {
    const prefix = `ssr-${token}:`
    const text = await html(`/async?run=ssr-${token}`)
    assert((text.match(/data-testid="async-value"/g) ?? []).length === 5, 'the HTML does not hold 5 async readers')
    assert(Object.keys(countsOf(await counts(), prefix)).length === 0, 'the route handler counted requests')
  })

  await check(
    'GET /prefetch: the server HTML shows the prefetched values, and no request reached the route',
    async () => {
      const run = `prefetch-ssr-${token}`
      assertPrefetchHtml(await html(`/prefetch?run=${run}`), `${run}:`, 1)
      const seen = countsOf(await counts(), `${run}:`)
      assert(Object.keys(seen).length === 0, `the route handler counted ${JSON.stringify(seen)}`)
    },
  )

  await check(`GET /user for ${alice} and ${bob}, one after the other: each sees only their own name`, async () => {
    assertUserHtml(await html(`/user?name=${alice}`), alice, bob)
    assertUserHtml(await html(`/user?name=${bob}`), bob, alice)
  })

  await check('GET /user, 5 rounds of concurrent renders with interleaved delays: no user sees the other', async () => {
    // The provider (in the layout) renders in the shell; the user's part streams in after its
    // delay, so one user's render starts before the other's ends and reads `me` after it.
    const rounds = [
      [300, 0],
      [0, 300],
      [150, 150],
      [200, 50],
      [50, 200],
    ]
    for (const [aliceDelay, bobDelay] of rounds) {
      const requests = [
        [alice, bob, aliceDelay],
        [bob, alice, bobDelay],
        [alice, bob, bobDelay],
        [bob, alice, aliceDelay],
      ]
      const texts = await Promise.all(requests.map(([name, , delay]) => html(`/user?name=${name}&delay=${delay}`)))
      requests.forEach(([name, other], index) => {
        assertUserHtml(texts[index], name, other)
      })
    }
  })

  browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true })

  await check('Chromium, /: both useCachedValue readers show fib(30) after hydration', async () => {
    const { page } = await visit('/')
    for (const reader of ['first', 'second']) {
      const value = await page.getByTestId(`fib-${reader}`).textContent()
      assert(value === '832040', `the ${reader} reader shows ${value}`)
    }
  })

  await check('Chromium, /async: every reader shows its value, and the route counted one request per key', async () => {
    const prefix = `${token}:`
    const { page } = await visit(`/async?run=${token}`)
    const readers = page.locator('[data-testid="async-value"]')
    await page.waitForFunction(
      () => {
        const all = document.querySelectorAll('[data-testid="async-value"]')
        return all.length === 5 && [...all].every((element) => element.getAttribute('data-status') !== 'pending')
      },
      undefined,
      { timeout: 15_000 },
    )
    for (const reader of await readers.all()) {
      const key = await reader.getAttribute('data-key')
      const text = await reader.textContent()
      assert((await reader.getAttribute('data-status')) === 'success', `a reader of ${key}: ${text}`)
      assert(text?.includes(`value of ${key} (request #1)`), `a reader of ${key} shows "${text}"`)
    }
    // Time for any stray request to arrive before counting.
    await sleep(500)
    const seen = countsOf(await counts(), prefix)
    const expected = { [`${prefix}alpha`]: 1, [`${prefix}beta`]: 1 }
    assert(
      JSON.stringify(seen) === JSON.stringify(expected),
      `requests per key: ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`,
    )
  })

  await check('Chromium, /async again in a new tab: its own cache, so one more request per key', async () => {
    const prefix = `${token}:`
    const { page } = await visit(`/async?run=${token}`)
    await page.locator('[data-status="success"]').nth(4).waitFor()
    await sleep(500)
    const seen = countsOf(await counts(), prefix)
    assert(seen[`${prefix}alpha`] === 2 && seen[`${prefix}beta`] === 2, `requests per key: ${JSON.stringify(seen)}`)
  })

  // One run of /prefetch in a new tab (its own cache): the server loads the prefetched keys for
  // the `load`-th time, and the route handler counts browser requests for the other key only.
  const prefetchInNewTab = async (run, load) => {
    const prefix = `${run}:`
    const page = await openPage()
    await page.addInitScript(recordReaderStates)
    const response = await page.goto(`${base}/prefetch?run=${run}`, { waitUntil: 'networkidle' })
    assert(response?.ok(), `GET /prefetch in Chromium: ${response?.status()}`)
    assertPrefetchHtml(await response.text(), prefix, load)
    await page.locator(`[data-testid="prefetch-reader"][data-key="${prefix}extra"][data-status="success"]`).waitFor()
    // Time for any stray request to arrive before counting.
    await sleep(500)
    await assertShownOnPrefetch(page, prefix, load, load)
    const seen = countsOf(await counts(), prefix)
    const expected = { [`${prefix}extra`]: load }
    assert(
      JSON.stringify(seen) === JSON.stringify(expected),
      `requests per key: ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`,
    )
  }

  await check(
    'Chromium, /prefetch: the prefetched keys show from the first paint with no request; the other key, one request',
    () => prefetchInNewTab(`prefetch-${token}`, 1),
  )

  await check(
    'Chromium, /prefetch again in a new tab: prefetched again on the server, still no request for those keys',
    () => prefetchInNewTab(`prefetch-${token}`, 2),
  )

  await check(
    'Chromium, /streaming: keys nobody prefetched are fetched once on the server while the page streams, and reach the browser with their boundaries: no browser request',
    async () => {
      const run = `stream-${token}`
      const prefix = `${run}:`
      const { page, sent } = await visit(`/streaming?run=${run}`)
      assert(sent.includes('__poche'), 'the streamed HTML holds no poche script')
      for (const key of ['fast', 'slow']) {
        const reader = page.locator(`[data-testid="stream-reader"][data-key="${prefix}${key}"]`)
        await reader.waitFor()
        const text = await reader.textContent()
        assert(/value of .* \(fetched on the server, load #1\)/.test(text ?? ''), `the ${key} reader shows "${text}"`)
        assert(sent.includes(`"${prefix}${key}"`), `the streamed HTML does not carry ${prefix}${key}`)
      }
      // Time for any stray request to arrive before counting.
      await sleep(500)
      const seen = countsOf(await counts(), prefix)
      assert(Object.keys(seen).length === 0, `browser requests per key: ${JSON.stringify(seen)}`)
    },
  )

  await check(
    'Chromium, / then the "Server prefetch" link: a client navigation hydrates the snapshot too, no request for its keys',
    async () => {
      // The link has no ?run=, so its keys have no prefix: no other check reads them.
      const page = await openPage()
      await page.addInitScript(recordReaderStates)
      await page.goto(`${base}/`, { waitUntil: 'networkidle' })
      await page.evaluate(() => {
        window.__sameDocument = true
      })
      await page.getByRole('link', { name: 'Server prefetch' }).click()
      await page.locator('[data-testid="prefetch-reader"][data-key="extra"][data-status="success"]').waitFor()
      assert(await page.evaluate(() => window.__sameDocument === true), 'the link loaded a new document')
      await sleep(500)
      await assertShownOnPrefetch(page, '', null, 1)
      const all = await counts()
      const seen = Object.fromEntries(
        ['profile', 'feed', 'extra'].filter((key) => key in all).map((key) => [key, all[key]]),
      )
      assert(JSON.stringify(seen) === JSON.stringify({ extra: 1 }), `requests per key: ${JSON.stringify(seen)}`)
    },
  )

  await check(
    'poche/devtools in a production build: CacheDevtools renders nothing, on the server or in Chromium',
    async () => {
      assert(!(await html('/')).includes('data-poche-devtools'), 'the server HTML holds the devtools host')
      const { page } = await visit('/')
      await page.getByTestId('fib-first').waitFor()
      const hosts = await page.locator('[data-poche-devtools]').count()
      assert(hosts === 0, `${hosts} devtools host(s) in the page`)
    },
  )

  await check('Chromium, /core: the poche/core server component rendered', async () => {
    const { page } = await visit('/core')
    const primes = await page.getByTestId('primes').textContent()
    assert(primes === '9592', `expected 9592 primes, got ${primes}`)
  })

  await check(
    `Chromium, /user for ${alice} and ${bob} in two tabs at once: each sees only their own name`,
    async () => {
      const visits = await Promise.all([visit(`/user?name=${alice}&delay=200`), visit(`/user?name=${bob}`)])
      for (const [{ page, sent }, name, other] of [
        [visits[0], alice, bob],
        [visits[1], bob, alice],
      ]) {
        assertUserHtml(sent, name, other)
        const me = await page.getByTestId('me').textContent()
        assert(me === name, `the page for ${name} shows ${me}`)
        assert(!(await page.content()).includes(other), `the page for ${name} contains ${other}`)
      }
    },
  )

  await check('Chromium: no console error, page error or hydration warning on any page', async () => {
    assert(browserProblems.length === 0, browserProblems.join('\n     '))
  })

  await check('next start logged no error', async () => {
    const errors = serverLog
      .join('')
      .split('\n')
      .filter((line) => /error|⨯|warn/i.test(line))
    assert(errors.length === 0, errors.join('\n     '))
  })
}

let crashed
try {
  await main()
} catch (error) {
  crashed = error
} finally {
  await browser?.close().catch(() => {})
  await stopServer()
}
if (crashed) {
  failed++
  console.log(`FAIL the check stopped: ${crashed instanceof Error ? crashed.stack : crashed}`)
}
if (failed) console.log(`--- next start printed:\n${serverLog.join('')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
