// Streaming server rendering in a real browser: a Node http server renders the page with
// renderToCacheStream (poche/stream), and Chromium hydrates it. Keys that nobody prefetched are
// fetched once, on the server, while the page streams; their values reach the browser with their
// boundaries' HTML, so the browser makes no request for them and React reports nothing.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createElement } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { renderToCacheStream } from '../../src/server/index'
import { type ServedPage, servePage } from './servePage'
import { App } from './streamApp'

let served: ServedPage
let apiHits: Record<string, number> = {}
let pageErrors: string[] = []

// Item 1 answers quickly and item 2 later, so their boundaries stream in separate flushes.
const delays: Record<string, number> = { '1': 50, '2': 400 }

const api = (request: IncomingMessage, response: ServerResponse): boolean => {
  const match = /^\/api\/(\w+)\/(\w+)$/.exec(request.url ?? '')
  if (!match) return false
  const [path, user, id] = match as unknown as [string, string, string]
  apiHits[path] = (apiHits[path] ?? 0) + 1
  // A name that would end the streamed script if it were not escaped.
  const name = id === '2' ? `item ${id}</script><script>window.pwned = true</script>` : `item ${id}`
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, user, name }))
  }, delays[id] ?? 0)
  return true
}

const page = (request: IncomingMessage, response: ServerResponse): boolean => {
  const match = /^\/user\/(\w+)$/.exec(request.url ?? '')
  if (!match) return false
  const props = { user: match[1] as string, base: served.base }
  const stream = renderToCacheStream(createElement(App, props), {
    bootstrapScriptContent: `window.appProps = ${JSON.stringify(props)}`,
    bootstrapScripts: ['/page.js'],
    onShellReady() {
      response.writeHead(200, { 'content-type': 'text/html' })
      stream.pipe(response)
    },
    onError(error) {
      pageErrors.push(`server: ${String(error)}`)
    },
  })
  return true
}

beforeAll(async () => {
  served = await servePage(
    join(__dirname, 'streamPage.tsx'),
    (request, response) => api(request, response) || page(request, response),
  )
}, 120_000)

afterAll(() => served?.close())

beforeEach(() => {
  apiHits = {}
  pageErrors = []
})

afterEach(() => {
  expect(pageErrors).toEqual([])
})

/** Opens the page of `user` and waits until both boundaries show their data; returns the page and its HTML. */
async function open(user: string): Promise<{ tab: Page; html: string }> {
  const tab = await served.browser.newPage()
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(message.text())
  })
  tab.on('pageerror', (error) => pageErrors.push(String(error)))
  const response = await tab.goto(`${served.base}/user/${user}`)
  await tab.getByTestId('item-2').waitFor()
  // Let hydration finish (it runs as the boundaries arrive).
  await tab.waitForFunction(() => window.appCache?.getItem(`${window.appProps.user}:2`) !== undefined)
  await tab.waitForTimeout(100)
  return { tab, html: (await response?.text()) ?? '' }
}

it('a key fetched during the streamed render is fetched once, on the server: 0 browser requests, no second suspension, nothing reported', async () => {
  const { tab, html } = await open('alice')
  expect(apiHits).toEqual({ '/api/alice/1': 1, '/api/alice/2': 1 })
  expect(await tab.evaluate(() => window.browserFetches ?? 0)).toBe(0)
  expect(await tab.evaluate(() => window.recoverableErrors)).toEqual([])
  expect(await tab.getByTestId('item-1').textContent()).toBe('alice: item 1')
  // The value holding </script><script> stayed data.
  expect(await tab.getByTestId('item-2').textContent()).toBe(
    'alice: item 2</script><script>window.pwned = true</script>',
  )
  expect(await tab.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined()
  // Each entry keeps the absolute expiration the server gave it.
  const streamed = [...html.matchAll(/\["alice:(\d)",\{.*?\},(\d+)\]/g)].map((m) => [m[1], Number(m[2])])
  expect(streamed.map(([id]) => id)).toEqual(['1', '2'])
  for (const [id, expiration] of streamed) {
    expect(await tab.evaluate((key) => window.appCache?.getItem(key)?.expiration, `alice:${id}`)).toBe(expiration)
  }
  // Each value came before the HTML of its own boundary.
  expect(html.indexOf('"alice:2"')).toBeLessThan(html.indexOf('<div hidden id="S:1">'))
  await tab.close()
}, 30_000)

it('two users streamed at once each get only their own data', async () => {
  const [alice, bob] = await Promise.all([open('alice'), open('bob')])
  expect(apiHits).toEqual({ '/api/alice/1': 1, '/api/alice/2': 1, '/api/bob/1': 1, '/api/bob/2': 1 })
  expect(alice.html).not.toContain('bob')
  expect(bob.html).not.toContain('alice')
  expect(await bob.tab.getByTestId('item-1').textContent()).toBe('bob: item 1')
  expect(await bob.tab.evaluate(() => window.appCache?.keys())).toEqual(['bob:1', 'bob:2'])
  expect(await alice.tab.evaluate(() => window.appCache?.keys())).toEqual(['alice:1', 'alice:2'])
  for (const { tab } of [alice, bob]) {
    expect(await tab.evaluate(() => window.browserFetches ?? 0)).toBe(0)
    expect(await tab.evaluate(() => window.recoverableErrors)).toEqual([])
    await tab.close()
  }
}, 30_000)
