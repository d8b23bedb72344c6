// Optimistic values stay in their tab, in Chromium with the real BroadcastChannel and
// localStorage: a failed optimistic save in one tab is never seen by another, nor by a reload.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { setUpTabPages } from './tabPages'

const { openPage } = setUpTabPages()

async function openTab(): Promise<Page> {
  const page = await openPage()
  await page.evaluate(() => window.start({ throttle: 0 }))
  return page
}

it('a failed optimistic save in one tab is never seen by the other', { timeout: 60_000 }, async () => {
  const one = await openTab()
  const two = await openTab()
  await one.evaluate(() => window.cache.set('todo', 'committed'))
  await two.waitForFunction(() => window.cache.get('todo') === 'committed')
  // Tab two records every value of the key it is ever told of.
  await two.evaluate(() => {
    const seen: unknown[] = []
    ;(window as unknown as { seen: unknown[] }).seen = seen
    window.cache.subscribe('todo', () => seen.push(window.cache.getItem('todo')?.value))
  })
  const inOne = await one.evaluate(async () => {
    const layer = window.beginOptimistic(window.cache)
    layer.set('todo', 'draft')
    layer.set('todo:temp', 'new')
    const during = window.cache.get('todo')
    // The request fails after a while: the save is rolled back.
    await new Promise((resolve) => setTimeout(resolve, 300))
    layer.remove()
    return { during, after: window.cache.items() }
  })
  expect(inOne.during).toBe('draft')
  expect(inOne.after).toEqual([['todo', { value: 'committed', expiration: null }]])
  // A committed write after it still crosses, so the channel was open all along.
  await one.evaluate(() => window.cache.set('done', true))
  await two.waitForFunction(() => window.cache.has('done'))
  expect(await two.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([])
  expect(await two.evaluate(() => window.cache.keys())).toEqual(['todo', 'done'])
  expect(await two.evaluate(() => localStorage.getItem('app'))).not.toContain('draft')
})

it('a reload in the middle of a save shows the last committed value', { timeout: 60_000 }, async () => {
  const page = await openTab()
  await page.evaluate(async () => {
    window.cache.set('todo', 'committed')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const layer = window.beginOptimistic(window.cache)
    layer.set('todo', 'draft')
  })
  await page.reload() // pagehide writes what is pending
  await page.evaluate(() => window.start())
  expect(await page.evaluate(() => window.cache.items())).toEqual([['todo', { value: 'committed', expiration: null }]])
})
