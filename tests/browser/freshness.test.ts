// Freshness end to end in a real Chromium page (real timers, listeners and React scheduling): a
// stale key is fetched again when the user comes back to the tab, once per return; a polled key
// every interval while the page is shown, and not while it is hidden.
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { type ServedPage, servePage } from './servePage'

let served: ServedPage
let context: BrowserContext
let pageErrors: string[] = []

beforeAll(async () => {
  served = await servePage(join(__dirname, 'freshnessPage.tsx'))
}, 120_000)
afterAll(() => served?.close())
beforeEach(async () => {
  context = await served.browser.newContext()
  pageErrors = []
})
afterEach(async () => {
  await context.close()
  expect(pageErrors).toEqual([])
})

async function open(): Promise<Page> {
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await page.goto(served.base)
  await page.waitForFunction(() => /^price 1 stock \d+$/.test(document.getElementById('shown')?.textContent ?? ''))
  return page
}

const counts = (page: Page) => page.evaluate(() => ({ ...window.counts }))

it('a return to the tab refetches the stale key once; polling runs only while the tab is shown', {
  timeout: 60_000,
}, async () => {
  const page = await open()
  // Polling, every 300 ms from each arrival.
  await page.waitForFunction(() => window.counts.stock >= 4, undefined, { timeout: 5_000 })
  expect((await counts(page)).price).toBe(1)
  // The user leaves the tab. Headless Chromium keeps every tab visible (bringToFront changes
  // nothing), so the page is told as a browser would tell it: its visibilityState, then the events.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    window.dispatchEvent(new Event('blur'))
  })
  const hidden = await counts(page)
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  // A hidden page polls nothing (a poll that was due as it hid may have run).
  expect((await counts(page)).stock - hidden.stock).toBeLessThanOrEqual(1)
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    window.dispatchEvent(new Event('focus'))
  })
  await page.waitForFunction(() => window.counts.price === 2, undefined, { timeout: 5_000 })
  await page.waitForFunction(() => document.getElementById('shown')?.textContent?.startsWith('price 2 '))
  await new Promise((resolve) => setTimeout(resolve, 500))
  // One request for the return, however many of its events (visibilitychange, focus) fired.
  expect((await counts(page)).price).toBe(2)
  expect(await page.evaluate(() => window.events)).toContain('visibilitychange:visible')
  await page.waitForFunction((before) => window.counts.stock >= before + 2, hidden.stock, { timeout: 5_000 })
})
