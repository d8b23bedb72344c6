import { act, fireEvent, render, within } from '@testing-library/react'
import { createElement } from 'react'
import { vi } from 'vitest'
import type { Cache } from '../../src/core/index'
import { CacheDevtools } from '../../src/devtools/index'

/** The devtools' shadow root, where its whole UI lives. */
export const shadowRoot = (): ShadowRoot => {
  const root = document.querySelector('[data-poche-devtools]')?.shadowRoot
  if (!root) throw new Error('no devtools host with a shadow root')
  return root
}

/** Testing-library queries bound to the devtools' shadow root. (Role queries are slow on 200 rows.) */
export const devtools = () => within(shadowRoot() as unknown as HTMLElement)

/**
 * The element whose accessible name is `label`, given by aria-label: a quick query for pages with
 * hundreds of rows, where role queries take seconds.
 */
export const labelled = <E extends HTMLElement = HTMLButtonElement>(label: string): E => {
  const found = shadowRoot().querySelector<E>(`[aria-label="${label}"]`)
  if (!found) throw new Error(`nothing labelled ${label}`)
  return found
}

/** The button that expands the value of `key` (its name goes on with the preview it shows). */
export const expandButton = (key: string): HTMLButtonElement => {
  const found = shadowRoot().querySelector<HTMLButtonElement>(`tr[data-key="${key}"] button[aria-expanded]`)
  if (!found) throw new Error(`no expand button for ${key}`)
  return found
}

/** The open panel, or null. */
export const openPanel = (): HTMLElement | null => shadowRoot().querySelector('section[aria-label="poche cache"]')

/** Lets the panel's re-render for the cache's changes (queued as a microtask) happen. */
export const settle = (): Promise<void> => act(async () => {})

/** Runs `change` (cache writes) and lets the panel re-render for it. */
export const change = (write: () => void): Promise<void> => act(async () => write())

/** Clicks the toggle. */
export const toggle = (): void => {
  fireEvent.click(labelled('poche devtools'))
}

/** The entries table's body rows. */
export const rows = (): HTMLTableRowElement[] =>
  Array.from(labelled('Entries').querySelectorAll<HTMLTableRowElement>('tbody > tr'))

/** The keys of the rows shown, in order. */
export const shownKeys = (): string[] => rows().map((row) => row.dataset.key ?? '')

/** The cells of the row of `key`: key, value, time left, readers, actions. */
export const cellsOf = (key: string) => {
  const row = rows().find((r) => r.dataset.key === key)
  if (!row) throw new Error(`no row for ${key}`)
  const [keyCell, value, timeLeft, readers, actions] = Array.from(row.cells)
  return { key: keyCell, value, timeLeft, readers, actions }
}

/** The header figure named `term` (size, maxSize, defaultTtl, listeners). */
export const figure = (term: string): string => {
  const dt = Array.from(shadowRoot().querySelectorAll('dt')).find((d) => d.textContent === term)
  return dt?.nextElementSibling?.textContent ?? ''
}

/** The event log's lines, newest first. */
export const logLines = (): string[] =>
  Array.from(labelled('Event log').querySelectorAll('li'), (li) => li.textContent ?? '')

/** Fake timers for the clock, the timers and animation frames (not microtasks: `settle` needs them). */
export const fakeTime = (): void => {
  vi.useFakeTimers({
    toFake: [
      'Date',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'requestAnimationFrame',
      'cancelAnimationFrame',
    ],
  })
}

/** Moves fake time forward by `ms`, firing timers and animation frames, and lets the panel re-render. */
export const advance = (ms: number): Promise<void> =>
  act(async () => {
    vi.advanceTimersByTime(ms)
  })

/** Replaces a text field's value, as typing would. */
export const type = (field: HTMLElement, value: string): void => {
  fireEvent.change(field, { target: { value } })
}

/** Renders the panel open on `cache` and lets it take its first look. */
export const renderOpen = async (cache: Cache<string, unknown>): Promise<void> => {
  render(createElement(CacheDevtools, { cache, initialIsOpen: true }))
  await settle()
}
