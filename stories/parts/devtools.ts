// Queries for the CacheDevtools panel, whose UI lives in the open shadow root of
// [data-poche-devtools]; testing-library's queries and userEvent work inside it.
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test'

const bind = (element: HTMLElement) => within(element)
/** Testing-library queries bound to an element (the panel's shadow root, or the canvas). */
export type Panel = ReturnType<typeof bind>

/** Testing-library queries bound to the panel's shadow root (it appears after the first commit). */
export async function findPanel(canvasElement: HTMLElement): Promise<Panel> {
  const root = await waitFor(() => {
    const shadow = canvasElement.ownerDocument.querySelector('[data-poche-devtools]')?.shadowRoot
    expect(shadow?.querySelector('button[aria-label="poche devtools"]')).toBeTruthy()
    return shadow as ShadowRoot
  })
  return within(root as unknown as HTMLElement)
}

/** Opens the panel with its toggle (unless open) and returns its queries. */
export async function openPanel(canvasElement: HTMLElement): Promise<Panel> {
  const panel = await findPanel(canvasElement)
  const toggle = panel.getByRole('button', { name: 'poche devtools' })
  if (toggle.getAttribute('aria-expanded') !== 'true') await userEvent.click(toggle)
  expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await panel.findByRole('region', { name: 'poche cache' })
  return panel
}

/** The entries table's body rows, as rendered. */
export const bodyRows = (panel: Panel): HTMLTableRowElement[] =>
  Array.from(panel.getByRole('table', { name: 'Entries' }).querySelectorAll('tbody > tr'))

/** The keys of the rows shown, in order. */
export const shownKeys = (panel: Panel): string[] => bodyRows(panel).map((row) => row.dataset.key ?? '')

/** The row of `key` (throws when it is not shown). */
export function row(panel: Panel, key: string): HTMLTableRowElement {
  const found = bodyRows(panel).find((r) => r.dataset.key === key)
  if (!found) throw new Error(`No row for ${key}; shown: ${shownKeys(panel).join(', ')}`)
  return found
}

/** The cells of a row: key, value, time left, readers, actions. */
export const cells = (panel: Panel, key: string) => {
  const [keyCell, value, timeLeft, readers, actions] = Array.from(row(panel, key).cells)
  return { key: keyCell, value, timeLeft, readers, actions } as Record<
    'key' | 'value' | 'timeLeft' | 'readers' | 'actions',
    HTMLTableCellElement
  >
}

/** The header figure named `term` (size, maxSize, defaultTtl, listeners). */
export function figure(panel: Panel, term: string): string {
  const terms = panel.getByRole('region', { name: 'poche cache' }).querySelectorAll<HTMLElement>('dt')
  const dt = Array.from(terms).find((d) => d.textContent === term)
  const dd = dt?.nextElementSibling
  if (!dd) throw new Error(`No figure ${term}`)
  return dd.textContent ?? ''
}

/** The event log's lines, newest first. */
export const logLines = (panel: Panel): string[] =>
  within(panel.getByRole('region', { name: 'Event log' }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent ?? '')

/**
 * Puts `text` in a text field of the panel (search, number, textarea), replacing what it held.
 * user-event's typing and clearing do not reach React inside a shadow root: user-event readies
 * an input for typing from a focus listener on the document, which sees only the shadow host, so
 * React never hears the change. The field is clicked (focused) as a person would, then given its
 * new value the way a browser does after typing: the value, then an input event.
 */
export async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field)
  fireEvent.input(field, { target: { value: text } })
}

/** The button that expands a row's value (the value cell's one button with aria-expanded). */
export function expandButton(panel: Panel, key: string): HTMLButtonElement {
  const button = cells(panel, key).value.querySelector<HTMLButtonElement>('button[aria-expanded]')
  if (!button) throw new Error(`No expand button for ${key}`)
  return button
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
