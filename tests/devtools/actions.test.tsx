// @vitest-environment jsdom
import { cleanup, fireEvent } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import {
  advance,
  cellsOf,
  devtools,
  fakeTime,
  labelled,
  renderOpen,
  settle,
  shadowRoot,
  shownKeys,
  type,
} from './panel'

beforeEach(fakeTime)
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const click = async (label: string) => {
  fireEvent.click(labelled(label))
  await settle()
}

it('Delete removes the entry', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', 1)
  cache.set('b', 2)
  await renderOpen(cache)
  await click('Delete a')
  expect(cache.has('a')).toBe(false)
  expect(shownKeys()).toEqual(['b'])
})

it('Expire gives the entry the TTL of the seconds field, and it expires then', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', 1)
  await renderOpen(cache)
  expect(devtools().getByRole('spinbutton', { name: 'Expire in seconds' })).toHaveProperty('value', '5')
  type(labelled('Expire in seconds'), '3')
  const start = Date.now()
  await click('Expire a')
  expect(cache.getItem('a')?.expiration).toBe(start + 3_000)
  expect(cellsOf('a').timeLeft.textContent).toBe('3.0 s')
  await advance(2_999)
  expect(shownKeys()).toEqual(['a'])
  await advance(1)
  expect(cache.has('a')).toBe(false)
  expect(shownKeys()).toEqual([])
})

it('Expire is disabled while its seconds are not a positive number, and changes nothing', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', 1)
  await renderOpen(cache)
  for (const seconds of ['', '0', '-2', 'e']) {
    type(labelled('Expire in seconds'), seconds)
    expect(labelled('Expire a').disabled, seconds).toBe(true)
    await click('Expire a')
    expect(cache.getItem('a')?.expiration).toBeNull()
  }
  type(labelled('Expire in seconds'), '2')
  expect(labelled('Expire a').disabled).toBe(false)
})

it('Persist removes the TTL, and is disabled for an entry without one', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', 1, 5_000)
  await renderOpen(cache)
  expect(labelled('Persist a').disabled).toBe(false)
  await click('Persist a')
  expect(cache.getItem('a')?.expiration).toBeNull()
  expect(cellsOf('a').timeLeft.textContent).toBe('never')
  expect(labelled('Persist a').disabled).toBe(true)
  await advance(10_000)
  expect(shownKeys()).toEqual(['a'])
})

it('Edit stores valid JSON and keeps the expiration', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', { n: 1 }, 5_000)
  const expiration = cache.getItem('a')?.expiration
  await renderOpen(cache)
  await click('Edit a')
  const editor = devtools().getByRole('textbox', { name: 'JSON value of a' }) as HTMLTextAreaElement
  expect(editor.value).toBe('{\n  "n": 1\n}')
  expect(shadowRoot().activeElement).toBe(editor)
  type(editor, '{"n": 2, "list": [1, 2]}')
  fireEvent.click(devtools().getByRole('button', { name: 'Save' }))
  await settle()
  expect(cache.getItem('a')).toEqual({ value: { n: 2, list: [1, 2] }, expiration })
  expect(shadowRoot().activeElement).toBe(labelled('Edit a'))
  expect(devtools().queryByRole('textbox', { name: 'JSON value of a' })).toBeNull()
  expect(cellsOf('a').value.textContent).toBe('{"n":2,"list":[1,2]}')
})

it('Edit refuses invalid JSON with a message and changes nothing', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', { n: 1 })
  const before = cache.getItem('a')
  await renderOpen(cache)
  await click('Edit a')
  type(labelled('JSON value of a'), '{n: 2')
  fireEvent.click(devtools().getByRole('button', { name: 'Save' }))
  await settle()
  expect(devtools().getByRole('alert').textContent).toMatch(/^Invalid JSON: /)
  expect(cache.getItem('a')).toBe(before)
  expect(labelled('JSON value of a')).toBeTruthy()
  fireEvent.click(devtools().getByRole('button', { name: 'Cancel' }))
  expect(devtools().queryByRole('textbox', { name: 'JSON value of a' })).toBeNull()
  expect(devtools().queryByRole('alert')).toBeNull()
  expect(cache.getItem('a')).toBe(before)
})

it('an action on an entry that went away before the panel redrew does nothing, throws nothing and brings nothing back', async () => {
  const cache = new Cache<string, unknown>()
  for (const key of ['a', 'b', 'c', 'd']) cache.set(key, 1)
  await renderOpen(cache)
  fireEvent.click(labelled('Edit d'))
  cache.flush()
  fireEvent.click(labelled('Delete a'))
  fireEvent.click(labelled('Expire b'))
  fireEvent.click(labelled('Persist c'))
  type(labelled('JSON value of d'), '2')
  fireEvent.click(devtools().getByRole('button', { name: 'Save' }))
  await settle()
  expect(cache.size).toBe(0)
  expect(shownKeys()).toEqual([])
})
