import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import asyncSource from '../src/react/useCachedAsync.ts?raw'
import { FreshPrices } from './freshness/FreshPrices'
import { openPanel, row } from './parts/devtools'
import { tsdoc } from './parts/tsdoc'

const meta = {
  title: 'Freshness',
  component: FreshPrices,
  tags: ['autodocs'],
  args: { staleTime: 1_500, pollEvery: 1_000, latency: 100 },
  argTypes: {
    staleTime: { control: { type: 'number', min: 0, step: 500 } },
    pollEvery: { control: { type: 'number', min: 250, step: 250 } },
    latency: { control: { type: 'number', min: 0, step: 50 } },
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component: [
          'Prices fetched with `useCachedAsync(key, fetcher, { staleTime })`: fresh for `staleTime`, then stale (still',
          'shown, marked in the devtools); the button fires the `visibilitychange` pair a browser fires when the user',
          'comes back to the tab, and each stale price is fetched again once, in the background. The stock count is',
          'polled with `refetchInterval` while the page is shown.',
          '',
          tsdoc(asyncSource, 'useCachedAsync'),
        ].join('\n'),
      },
      story: { inline: false, iframeHeight: 700 },
    },
  },
} satisfies Meta<typeof FreshPrices>

export default meta
type Story = StoryObj<typeof meta>

/** Stale prices refetched once each on a return to the page; the stock count polled; the panel marks stale keys. */
export const PricesAndStock: Story = {
  name: 'Prices, a return to the page, a polled stock count',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const requests = () => Number(canvas.getByLabelText('requests').textContent)
    await waitFor(() => expect(canvas.getByLabelText('price of espresso').textContent).toMatch(/^€/))
    const panel = await openPanel(canvasElement)
    // The panel looks again every second, and marks the prices once staleTime has passed.
    await waitFor(() => expect(row(panel, 'price:espresso').cells[0]?.textContent).toBe('price:espresso stale'), {
      timeout: 4_000,
    })
    const before = canvas.getByLabelText('price of espresso').textContent
    const stock = canvas.getByLabelText('stock').textContent
    const counted = requests()
    await userEvent.click(canvas.getByRole('button', { name: /come back/ }))
    // Three stale prices, one request each (a poll of the stock may land meanwhile).
    await waitFor(() => expect(canvas.getByLabelText('price of espresso').textContent).not.toBe(before))
    expect(requests() - counted).toBeGreaterThanOrEqual(3)
    expect(requests() - counted).toBeLessThanOrEqual(5)
    await waitFor(() => expect(canvas.getByLabelText('stock').textContent).not.toBe(stock), { timeout: 3_000 })
  },
}
