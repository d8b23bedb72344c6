// What the two-tab tests share: tabsPage.ts served once per file, a fresh browser context per test
// (its own localStorage, no tab of another test on the channel), and no error printed or thrown
// by any page (each test expects none).
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { recordProblems, type ServedPage, servePage } from './servePage'

/** Call at the top of a test file; `openPage()` opens a tab on the page, its cache not started. */
export function setUpTabPages() {
  let served: ServedPage
  let context: BrowserContext
  let pageErrors: string[] = []
  beforeAll(async () => {
    served = await servePage(join(__dirname, 'tabsPage.ts'))
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
  return {
    async openPage(): Promise<Page> {
      const page = await context.newPage()
      recordProblems(page, pageErrors)
      await page.goto(served.base)
      return page
    },
  }
}
