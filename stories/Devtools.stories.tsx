import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { BulkCache } from './demo/BulkCache'
import { ShopWithDevtools } from './demo/ShopWithDevtools'
import {
  bodyRows,
  cells,
  expandButton,
  figure,
  fill,
  logLines,
  openPanel,
  type Panel,
  row,
  shownKeys,
  sleep,
} from './parts/devtools'

// Each story drives the demo shop and the CacheDevtools panel over it as a person would: the
// panel's UI is in a shadow root (see parts/devtools.ts), the shop in the canvas.

/** Every key the shop holds once it has loaded with product 1 selected. */
const shopKeys = [
  '/api/products.json',
  'price:1',
  'price:2',
  'price:3',
  'price:4',
  'price:5',
  'price:6',
  '/api/products/1.json',
  'cart',
]

const productNames = [
  'Travel press',
  'Ceramic dripper',
  'Hand grinder',
  'Gooseneck kettle',
  'Brew scale',
  'Yirgacheffe beans',
]

/** Waits until the shop shows its products, the details of product 1 and every price. */
async function shopLoaded(canvasElement: HTMLElement): Promise<Panel> {
  const canvas = within(canvasElement)
  await waitFor(() => expect(canvas.getByText(/^Rated 4\.8 \/ 5/)).toBeInTheDocument(), { timeout: 3_000 })
  for (let id = 1; id <= 6; id++) expect(canvas.getAllByTestId(`price-${id}`)[0]).toHaveTextContent(/^€\d/)
  return canvas
}

/** The log lines of one type ("12:00:01.250 delete cart" has the type "delete"). */
const linesOfType = (panel: Panel, type: string) =>
  logLines(panel).filter((line) => line.match(/^\d\d:\d\d:\d\d\.\d{3} (\w+)/)?.[1] === type)

const meta = {
  title: 'Devtools/Panel',
  component: ShopWithDevtools,
  args: { initialIsOpen: false, position: 'bottom-right', latency: 150 },
  argTypes: {
    position: { control: 'select', options: ['bottom-right', 'bottom-left', 'top-right', 'top-left'] },
    latency: { control: { type: 'number', min: 0, step: 50 } },
  },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof ShopWithDevtools>

export default meta
type Story = StoryObj<typeof meta>

/** One row per live entry, with its key, a JSON preview that expands, its time left, readers and actions. */
export const Rows: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await shopLoaded(canvasElement)
    const panel = await openPanel(canvasElement)
    await waitFor(() => expect(shownKeys(panel).sort()).toEqual([...shopKeys].sort()))
    for (const key of shopKeys) expect(cells(panel, key).key).toHaveTextContent(key, { normalizeWhitespace: false })

    // The header's figures: the shop's CacheProvider has maxSize 500 and a 60 s default TTL.
    expect(figure(panel, 'size')).toBe('9')
    expect(figure(panel, 'maxSize')).toBe('500')
    expect(figure(panel, 'defaultTtl')).toBe('60000 ms')
    expect(Number(figure(panel, 'listeners'))).toBeGreaterThan(0)

    // A value shows as one line of JSON, and expands to the whole of it, indented.
    const price = expandButton(panel, 'price:1')
    expect(price).toHaveAccessibleName(/^Expand price:1\b/)
    expect(price).toHaveTextContent('{"amount":34.9,"currency":"EUR","quote":1}')
    expect(price).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(price)
    expect(price).toHaveAttribute('aria-expanded', 'true')
    expect(cells(panel, 'price:1').value.querySelector('pre')?.textContent).toBe(
      JSON.stringify({ amount: 34.9, currency: 'EUR', quote: 1 }, null, 2),
    )
    await userEvent.click(price)
    expect(cells(panel, 'price:1').value.querySelector('pre')).toBeNull()

    // Time left: a bar and seconds for an entry with a TTL, "never" (and no bar) for the cart.
    expect(panel.getByRole('progressbar', { name: 'Time left for price:1' })).toHaveAttribute('aria-valuemax', '100')
    expect(cells(panel, 'price:1').timeLeft).toHaveTextContent(/\d+\.\d s/)
    expect(cells(panel, 'cart').timeLeft).toHaveTextContent('never')
    expect(within(cells(panel, 'cart').timeLeft).queryByRole('progressbar')).toBeNull()
    expect(panel.getByRole('button', { name: 'Persist cart' })).toBeDisabled()
    expect(panel.getByRole('button', { name: 'Persist price:1' })).toBeEnabled()

    // Readers: the header's count and the cart card read the cart; product 1's price is read by
    // its row and by the detail view, product 2's by its row alone.
    expect(cells(panel, 'cart').readers).toHaveTextContent(/^2$/)
    expect(cells(panel, 'price:1').readers).toHaveTextContent(/^2$/)
    expect(cells(panel, 'price:2').readers).toHaveTextContent(/^1$/)

    // A long value is cut after 60 characters, with an ellipsis: a cart of every product.
    for (const name of productNames) await userEvent.click(canvas.getByRole('button', { name: `Add to cart: ${name}` }))
    const cart = Array.from({ length: 6 }, (_, i) => ({ id: i + 1, qty: 1 }))
    await waitFor(() => expect(expandButton(panel, 'cart')).toHaveTextContent(`${JSON.stringify(cart).slice(0, 60)}…`))
    await userEvent.click(expandButton(panel, 'cart'))
    expect(cells(panel, 'cart').value.querySelector('pre')?.textContent).toBe(JSON.stringify(cart, null, 2))
    // The cart card now reads every price too: one more reader each.
    await waitFor(() => expect(cells(panel, 'price:1').readers).toHaveTextContent(/^3$/), { timeout: 2_500 })
    expect(cells(panel, 'price:2').readers).toHaveTextContent(/^2$/)
  },
}

/** The time-left bar drains: read twice, most of a second apart, it has gone down. */
export const DrainingBar: Story = {
  play: async ({ canvasElement }) => {
    await shopLoaded(canvasElement)
    const panel = await openPanel(canvasElement)
    // The detail is kept 30 s: it cannot expire (and refill its bar) between the two readings.
    const bar = await panel.findByRole('progressbar', { name: 'Time left for /api/products/1.json' })
    const read = () => ({
      percent: Number(bar.getAttribute('aria-valuenow')),
      width: Number.parseFloat((bar.firstElementChild as HTMLElement).style.width),
      seconds: Number.parseFloat(cells(panel, '/api/products/1.json').timeLeft.textContent ?? ''),
    })
    const first = read()
    expect(first.percent).toBeGreaterThan(50)
    expect(first.percent).toBeLessThanOrEqual(100)
    await sleep(900)
    const second = read()
    expect(second.percent).toBeLessThan(first.percent)
    expect(second.width).toBeLessThan(first.width)
    expect(second.seconds).toBeLessThan(first.seconds)
  },
}

/** Delete and Expire act on the app's cache, and the shop follows: the cart empties, the detail is fetched again, a price is quoted again. */
export const DeleteAndExpire: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await shopLoaded(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart: Travel press' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart: Hand grinder' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart: Hand grinder' }))
    expect(canvas.getByTestId('cart-count')).toHaveTextContent('3')
    expect(canvas.getByTestId('cart')).toHaveTextContent('2 × Hand grinder')
    const panel = await openPanel(canvasElement)

    // Delete the cart: the shop's cart is empty, and the shop made a new, empty one.
    await userEvent.click(panel.getByRole('button', { name: 'Delete cart' }))
    await waitFor(() => expect(canvas.getByTestId('cart')).toHaveTextContent('Your cart is empty.'))
    expect(canvas.getByTestId('cart-count')).toHaveTextContent('0')
    await waitFor(() => expect(expandButton(panel, 'cart')).toHaveTextContent(/^\[\]$/))
    expect(linesOfType(panel, 'delete')).toEqual([expect.stringMatching(/ delete cart$/)])

    // Delete the detail of product 1: the shop fetches it again.
    expect(canvas.getByTestId('detail-requests')).toHaveTextContent('Fetched 1×')
    await userEvent.click(panel.getByRole('button', { name: 'Delete /api/products/1.json' }))
    await waitFor(() => expect(canvas.getByTestId('detail-requests')).toHaveTextContent('Fetched 2×'))
    await waitFor(() => expect(canvas.getByText(/^Rated 4\.8 \/ 5/)).toBeInTheDocument())
    await waitFor(() => expect(row(panel, '/api/products/1.json')).toBeInTheDocument())

    // Expire the price of product 2 in 1 s: the shop counts down from 1 s, then quotes it again.
    const seconds = panel.getByRole('spinbutton', { name: 'Expire in seconds' })
    expect(seconds).toHaveValue(5)
    await fill(seconds, '1')
    expect(seconds).toHaveValue(1)
    expect(canvas.getByTestId('price-meta-2')).toHaveTextContent('quote 1 ·')
    await userEvent.click(panel.getByRole('button', { name: 'Expire price:2' }))
    await waitFor(() => expect(canvas.getByTestId('price-meta-2')).toHaveTextContent('refreshes in 1 s'))
    // The panel shows the new expiration: a second or less to go (and a bar that restarted from full).
    expect(panel.getByRole('progressbar', { name: 'Time left for price:2' })).toBeInTheDocument()
    expect(Number.parseFloat(cells(panel, 'price:2').timeLeft.textContent ?? '')).toBeLessThanOrEqual(1)
    await waitFor(() => expect(canvas.getByTestId('price-meta-2')).toHaveTextContent('quote 2 · refreshes in 10 s'), {
      timeout: 3_000,
    })
    expect(canvas.getByTestId('price-2')).not.toHaveTextContent('€24.50')
    await waitFor(() => expect(linesOfType(panel, 'expire')).toContainEqual(expect.stringMatching(/ expire price:2$/)))
  },
}

/** Edit: invalid JSON is refused with a message and changes nothing; valid JSON is stored, with the entry's expiration kept. */
export const EditJson: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await shopLoaded(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart: Travel press' }))
    expect(canvas.getByTestId('cart')).toHaveTextContent('1 × Travel press')
    const panel = await openPanel(canvasElement)

    await userEvent.click(panel.getByRole('button', { name: 'Edit cart' }))
    const editor = panel.getByRole('textbox', { name: 'JSON value of cart' }) as HTMLTextAreaElement
    expect(JSON.parse(editor.value)).toEqual([{ id: 1, qty: 1 }])

    // Invalid JSON: an alert, and the cart as it was, in the panel and in the shop.
    await fill(editor, '[{"id": 3, "qty": 2')
    await userEvent.click(panel.getByRole('button', { name: 'Save' }))
    expect(panel.getByRole('alert').textContent).not.toBe('')
    expect(expandButton(panel, 'cart')).toHaveTextContent('[{"id":1,"qty":1}]')
    expect(canvas.getByTestId('cart')).toHaveTextContent('1 × Travel press')
    expect(canvas.getByTestId('cart-count')).toHaveTextContent('1')

    // Valid JSON: stored; the shop shows the new cart, which still never expires.
    await fill(editor, '[{"id": 3, "qty": 2}, {"id": 6, "qty": 1}]')
    await userEvent.click(panel.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(panel.queryByRole('textbox', { name: 'JSON value of cart' })).toBeNull())
    expect(panel.queryByRole('alert')).toBeNull()
    expect(expandButton(panel, 'cart')).toHaveTextContent('[{"id":3,"qty":2},{"id":6,"qty":1}]')
    expect(canvas.getByTestId('cart')).toHaveTextContent('2 × Hand grinder')
    expect(canvas.getByTestId('cart')).toHaveTextContent('1 × Yirgacheffe beans')
    expect(canvas.getByTestId('cart')).not.toHaveTextContent('Travel press')
    expect(canvas.getByTestId('cart-count')).toHaveTextContent('3')
    expect(cells(panel, 'cart').timeLeft).toHaveTextContent('never')

    // A price with a TTL keeps its expiration: the shop shows the edited price still counting
    // down from at most 10 s (not the cache's 60 s default, not "fixed"), and the bar goes on.
    const bar = panel.getByRole('progressbar', { name: 'Time left for price:1' })
    const before = Number(bar.getAttribute('aria-valuenow'))
    await userEvent.click(panel.getByRole('button', { name: 'Edit price:1' }))
    await fill(
      panel.getByRole('textbox', { name: 'JSON value of price:1' }),
      '{"amount": 99, "currency": "EUR", "quote": 7}',
    )
    await userEvent.click(panel.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(canvas.getAllByTestId('price-1')[0]).toHaveTextContent('€99.00'))
    for (const meta of canvas.getAllByTestId('price-meta-1'))
      expect(meta).toHaveTextContent(/^quote 7 · refreshes in (10|\d) s$/)
    const after = Number(
      panel.getByRole('progressbar', { name: 'Time left for price:1' }).getAttribute('aria-valuenow'),
    )
    expect(after).toBeLessThanOrEqual(before)
    expect(after).toBeGreaterThan(0)
  },
}

/** The key filter (case-insensitive substring) and the event log's type filter, and pausing the log. */
export const Filters: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await shopLoaded(canvasElement)
    const panel = await openPanel(canvasElement)
    await waitFor(() => expect(bodyRows(panel)).toHaveLength(shopKeys.length))

    const filter = panel.getByRole('searchbox', { name: 'Filter keys' })
    await fill(filter, 'price')
    await waitFor(() =>
      expect(shownKeys(panel).sort()).toEqual(['price:1', 'price:2', 'price:3', 'price:4', 'price:5', 'price:6']),
    )
    // Case-insensitive, anywhere in the key.
    await fill(filter, 'PRODUCTS')
    await waitFor(() => expect(shownKeys(panel).sort()).toEqual(['/api/products.json', '/api/products/1.json']))
    await fill(filter, 'nothing like it')
    await waitFor(() => expect(bodyRows(panel)).toHaveLength(0))
    await fill(filter, '')
    await waitFor(() => expect(bodyRows(panel)).toHaveLength(shopKeys.length))

    // Some events: a set from the shop, a delete from the panel (and the shop's new quote).
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart: Brew scale' }))
    await userEvent.click(panel.getByRole('button', { name: 'Delete price:3' }))
    await waitFor(() => expect(linesOfType(panel, 'set')).toContainEqual(expect.stringMatching(/ set price:3$/)))
    expect(logLines(panel)[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} set price:3$/)

    const type = panel.getByRole('combobox', { name: 'Event type' })
    await userEvent.selectOptions(type, 'delete')
    expect(logLines(panel)).toEqual([expect.stringMatching(/ delete price:3$/)])
    await userEvent.selectOptions(type, 'set')
    const sets = logLines(panel)
    expect(sets).toContainEqual(expect.stringMatching(/ set cart$/))
    expect(sets).toContainEqual(expect.stringMatching(/ set price:3$/))
    expect(sets.every((line) => / set /.test(line))).toBe(true)
    await userEvent.selectOptions(type, 'flush')
    expect(logLines(panel)).toEqual([])
    await userEvent.selectOptions(type, 'all')
    expect(linesOfType(panel, 'delete')).toHaveLength(1)
    expect(linesOfType(panel, 'set').length).toBe(sets.length)

    // Paused, the log takes nothing in; resumed, it does again.
    const pause = panel.getByRole('button', { name: 'Pause log' })
    expect(pause).toHaveAttribute('aria-pressed', 'false')
    await userEvent.click(pause)
    expect(pause).toHaveAttribute('aria-pressed', 'true')
    const count = logLines(panel).length
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart: Brew scale' }))
    await sleep(100)
    expect(logLines(panel)).toHaveLength(count)
    await userEvent.click(pause)
    await userEvent.click(canvas.getByRole('button', { name: 'Add to cart: Brew scale' }))
    await waitFor(() => expect(logLines(panel)).toHaveLength(count + 1))
    expect(logLines(panel)[0]).toMatch(/ set cart$/)
  },
}

/** 10,000 entries: 200 rows rendered, "Show more" adds 200, and the filter searches them all. */
export const TenThousandEntries: Story = {
  render: () => <BulkCache count={10_000} />,
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement)
    await waitFor(() => expect(bodyRows(panel)).toHaveLength(200))
    expect(figure(panel, 'size')).toMatch(/^10,?000$/)
    expect(shownKeys(panel)[0]).toBe('item:00001')
    expect(shownKeys(panel)[199]).toBe('item:00200')
    expect(panel.getByText(/Showing 200 of 10,?000/)).toBeInTheDocument()

    await userEvent.click(panel.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(bodyRows(panel)).toHaveLength(400))
    expect(shownKeys(panel)[399]).toBe('item:00400')
    expect(panel.getByText(/Showing 400 of 10,?000/)).toBeInTheDocument()

    // The filter looks through every entry, not only the rows shown.
    await fill(panel.getByRole('searchbox', { name: 'Filter keys' }), 'item:0999')
    await waitFor(() => expect(bodyRows(panel)).toHaveLength(10))
    expect(shownKeys(panel)).toEqual(Array.from({ length: 10 }, (_, i) => `item:0999${i}`))
    expect(panel.queryByRole('button', { name: 'Show more' })).toBeNull()
  },
}
