// The devtools panel in Chromium under both colour schemes: it follows prefers-color-scheme, and
// axe finds no violation (colour contrast included) in either, with every kind of row and control
// on screen. The page is tests/browser/devtoolsPage.tsx bundled by esbuild, served on 127.0.0.1.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { recordProblems, type ServedPage, servePage } from './servePage'

let served: ServedPage

beforeAll(async () => {
  served = await servePage(join(__dirname, 'devtoolsPage.tsx'))
}, 120_000)

afterAll(() => served?.close())

interface Violation {
  id: string
  nodes: { target: unknown }[]
}

/** Opens the page in `scheme`, with a value expanded and an invalid-JSON alert showing. */
async function openPage(scheme: 'light' | 'dark'): Promise<{ page: Page; problems: string[] }> {
  const context = await served.browser.newContext({ colorScheme: scheme })
  const page = await context.newPage()
  const problems: string[] = []
  recordProblems(page, problems)
  await page.goto(served.base)
  // Playwright's locators pierce open shadow roots.
  await page.getByRole('button', { name: /^Expand user/ }).click()
  await page.getByRole('button', { name: 'Edit cart' }).click()
  await page.getByRole('textbox', { name: 'JSON value of cart' }).fill('{ not json')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('alert').waitFor()
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return { page, problems }
}

const panelColours = (page: Page) =>
  page.evaluate(() => {
    const panel = document.querySelector('[data-poche-devtools]')?.shadowRoot?.querySelector('.panel')
    const style = panel && getComputedStyle(panel)
    return [style?.backgroundColor, style?.color]
  })

const violations = (page: Page) =>
  page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe
    const { violations } = await axe.run()
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => JSON.stringify(node.target)).join(' ')}`)
  })

it('follows prefers-color-scheme, and passes axe in light and in dark', { timeout: 60_000 }, async () => {
  const light = await openPage('light')
  const dark = await openPage('dark')
  const [lightColours, darkColours] = [await panelColours(light.page), await panelColours(dark.page)]
  expect(lightColours).toEqual(['rgb(255, 255, 255)', 'rgb(29, 29, 34)'])
  expect(darkColours).toEqual(['rgb(24, 24, 28)', 'rgb(231, 231, 236)'])
  expect(await violations(light.page)).toEqual([])
  expect(await violations(dark.page)).toEqual([])
  expect([...light.problems, ...dark.problems]).toEqual([])
})
