import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import devtoolsSource from '../src/devtools/CacheDevtools.tsx?raw'
import providerSource from '../src/react/CacheProvider.tsx?raw'
import { ShopWithDevtools } from './demo/ShopWithDevtools'
import { findPanel, openPanel, shownKeys } from './parts/devtools'
import { tsdoc } from './parts/tsdoc'

// The playground: a small shop whose every read goes through one poche cache, with the
// CacheDevtools panel over it. The panel's own behaviour is tested in Devtools.stories.tsx.

const meta = {
  title: 'Playground',
  component: ShopWithDevtools,
  tags: ['autodocs'],
  args: { initialIsOpen: false, position: 'bottom-right', latency: 150 },
  argTypes: {
    position: { control: 'select', options: ['bottom-right', 'bottom-left', 'top-right', 'top-left'] },
    latency: { control: { type: 'number', min: 0, step: 50 } },
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component: [
          'A demo shop: the catalogue and each product’s details are fetches memoized with `useCachedAsync`',
          '(30 s per detail), every price is a `useCachedValue` kept 10 s and then quoted again, and the cart is an',
          'entry without TTL. Open the devtools (the **poche** button, bottom right) to watch the entries drain,',
          'delete or expire them, edit their JSON, and follow the event log.',
          '',
          tsdoc(devtoolsSource, 'CacheDevtools'),
          tsdoc(providerSource, 'CacheProvider'),
        ].join('\n'),
      },
      // Each story in its own frame: the panel floats in a corner of the window it is in.
      story: { inline: false, iframeHeight: 820 },
    },
  },
} satisfies Meta<typeof ShopWithDevtools>

export default meta
type Story = StoryObj<typeof meta>

// scripts/screenshot.mjs drives the playground itself for the README's pictures.
const forScreenshot = () => new URLSearchParams(window.location.search).has('screenshot')

/** The shop with the panel closed: the toggle opens and closes it. */
export const Default: Story = {
  name: 'Playground',
  play: async ({ canvasElement }) => {
    if (forScreenshot()) return
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getByText(/^Rated 4\.8 \/ 5/)).toBeInTheDocument(), { timeout: 3_000 })
    expect(canvas.getByRole('heading', { level: 1, name: 'poche coffee' })).toBeInTheDocument()

    const panel = await findPanel(canvasElement)
    const toggle = panel.getByRole('button', { name: 'poche devtools' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(panel.queryByRole('region', { name: 'poche cache' })).toBeNull()
    await openPanel(canvasElement)
    await waitFor(() => expect(shownKeys(panel)).toContain('cart'))
    // The keyboard closes it as well.
    toggle.focus()
    await userEvent.keyboard('{Enter}')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(panel.queryByRole('region', { name: 'poche cache' })).toBeNull()
  },
}

/** The same, with the panel open from the start. */
export const PanelOpen: Story = {
  name: 'Panel open',
  args: { initialIsOpen: true },
  play: async ({ canvasElement }) => {
    if (forScreenshot()) return
    const panel = await openPanel(canvasElement)
    await waitFor(() => expect(shownKeys(panel)).toHaveLength(9), { timeout: 3_000 })
  },
}
