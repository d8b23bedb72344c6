// poche/persist in a real browser: Chromium pages of one browser context are tabs of one origin,
// with the real localStorage and a real BroadcastChannel. The page script is src/persist and
// src/core bundled on the fly with esbuild and served over HTTP on 127.0.0.1 (servePage.ts).
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { setUpTabPages } from './tabPages'
import type { StartOptions } from './tabsPage'

const { openPage } = setUpTabPages()

/** Opens a tab on the page and starts its cache. */
async function openTab(options: StartOptions = {}): Promise<Page> {
  const page = await openPage()
  await start(page, options)
  return page
}

const start = (page: Page, options: StartOptions = {}) => page.evaluate((given) => window.start(given), options)

const itemsOf = (page: Page) => page.evaluate(() => window.cache.items())

it('a set in tab 1 shows in tab 2, with the same absolute expiration', { timeout: 60_000 }, async () => {
  const one = await openTab()
  const two = await openTab()
  await one.evaluate(() => {
    window.cache.set('user', { id: 7, name: 'Ada' }, 60_000)
    window.cache.set('theme', 'dark')
  })
  await two.waitForFunction(() => window.cache.size === 2)
  expect(await itemsOf(two)).toEqual(await itemsOf(one))
  await two.evaluate(() => window.cache.delete('theme'))
  await one.waitForFunction(() => !window.cache.has('theme'))
  expect(await two.evaluate(() => window.problems)).toEqual([])
})

it('a reload restores the entries with their expirations, and an entry that expired meanwhile stays gone', {
  timeout: 60_000,
}, async () => {
  const page = await openTab({ throttle: 60_000 })
  const before = await page.evaluate(() => {
    window.cache.set('first', 'written at once')
    return new Promise<void>((resolve) => setTimeout(resolve, 50)).then(() => {
      // Within the (long) throttle: only leaving the page writes these.
      window.cache.set('short', 1, 1_000)
      window.cache.set('long', { kept: true }, 60_000)
      return window.cache.items()
    })
  })
  await page.reload() // pagehide writes the pending changes
  await start(page, { throttle: 60_000 })
  expect(await itemsOf(page)).toEqual(before)

  await page.waitForTimeout(1_100)
  await page.reload()
  await start(page, { throttle: 60_000 })
  const after = await itemsOf(page)
  expect(after.map(([key]) => key)).toEqual(['first', 'long'])
  expect(after).toEqual(before.filter(([key]) => key !== 'short'))
})

it('a tab opened later receives the live entries of the open ones', { timeout: 60_000 }, async () => {
  const one = await openTab({ persistAs: null })
  await one.evaluate(() => {
    window.cache.set('a', 1, 60_000)
    window.cache.set('b', [2])
  })
  const late = await openTab({ persistAs: null })
  await late.waitForFunction(() => window.cache.size === 2)
  expect(await itemsOf(late)).toEqual(await itemsOf(one))
})

it('a corrupt record is reported and changes nothing', { timeout: 60_000 }, async () => {
  const page = await openTab({ persistAs: null, sync: false })
  await page.evaluate(() => localStorage.setItem('app', '{"version":0,"snapshot":'))
  const result = await page.evaluate(() => {
    window.cache = undefined as never
    window.start({ sync: false })
    return { size: window.cache.size, problems: window.problems, stored: localStorage.getItem('app') }
  })
  expect(result.size).toBe(0)
  expect(result.problems).toHaveLength(1)
  expect(result.problems[0]).toMatch(/^SyntaxError/)
  expect(result.stored).toBe('{"version":0,"snapshot":')
})

it('localStorage filled to its quota is reported once and changes nothing in memory', { timeout: 60_000 }, async () => {
  const page = await openTab({ sync: false })
  const result = await page.evaluate(async () => {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 150))
    // Fill it: big blocks, then smaller ones, until nothing more fits.
    let filler = 0
    for (let size = 1 << 20; size >= 16; size >>= 2) {
      try {
        for (;;) localStorage.setItem(`filler${filler++}`, 'x'.repeat(size))
      } catch {}
    }
    window.cache.set('big', 'y'.repeat(100_000))
    await tick()
    window.cache.set('bigger', 'z'.repeat(200_000))
    await tick()
    const full = {
      problems: [...window.problems],
      keys: window.cache.keys(),
      big: (window.cache.get('big') as string).length,
      stored: localStorage.getItem('app'),
    }
    for (let i = 0; i < filler; i++) localStorage.removeItem(`filler${i}`)
    window.cache.set('after', 1)
    await tick()
    return { full, problems: window.problems, stored: JSON.parse(localStorage.getItem('app') ?? 'null') }
  })
  expect(result.full.problems).toHaveLength(1)
  expect(result.full.problems[0]).toMatch(/^QuotaExceededError/)
  expect(result.full.keys).toEqual(['big', 'bigger'])
  expect(result.full.big).toBe(100_000)
  expect(result.full.stored).toBeNull()
  // Room again: the next write goes through, with everything in memory.
  expect(result.problems).toHaveLength(1)
  expect(result.stored.snapshot.entries.map(([key]: [string]) => key)).toEqual(['big', 'bigger', 'after'])
})

it('a burst of 1,000 sets costs at most 2 writes to localStorage', { timeout: 60_000 }, async () => {
  const page = await openTab({ sync: false })
  const result = await page.evaluate(async () => {
    let writes = 0
    const setItem = Storage.prototype.setItem
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key === 'app') writes++
      return setItem.call(this, key, value)
    }
    for (let i = 0; i < 1_000; i++) window.cache.set(`k${i}`, i, 60_000)
    await new Promise((resolve) => setTimeout(resolve, 500))
    Storage.prototype.setItem = setItem
    return { writes, stored: JSON.parse(localStorage.getItem('app') ?? 'null').snapshot.entries.length }
  })
  expect(result.writes).toBeGreaterThanOrEqual(1)
  expect(result.writes).toBeLessThanOrEqual(2)
  expect(result.stored).toBe(1_000)
})
