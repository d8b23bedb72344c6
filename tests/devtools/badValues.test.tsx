// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { Cache } from '../../src/core/index'
import { CacheDevtools } from '../../src/devtools/index'
import { cellsOf, change, expandButton, labelled, logLines, rows, settle, shownKeys } from './panel'

afterEach(cleanup)

it('previews values that JSON cannot show, and never throws on them', async () => {
  const circular: Record<string, unknown> = { name: 'loop' }
  circular.self = circular
  const bare = Object.create(null)
  bare.self = bare
  const cache = new Cache<string, unknown>()
  cache.set('circular', circular)
  cache.set('bigint', 10n)
  cache.set('function', function load() {})
  cache.set('promise', new Promise(() => {}))
  cache.set('undefined', undefined)
  cache.set('symbol', Symbol('s'))
  cache.set('toJSON throws', {
    toJSON() {
      throw new Error('no')
    },
  })
  cache.set('no prototype', bare)
  // Revoked once stored: from then on even reading its `then` throws.
  const revoked = Proxy.revocable({}, {})
  cache.set('revoked proxy', revoked.proxy)
  revoked.revoke()
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  const previews = Object.fromEntries(rows().map((row) => [row.dataset.key, row.cells[1].textContent]))
  expect(previews).toEqual({
    circular: '[object Object]',
    bigint: '10',
    function: 'ƒ load()',
    promise: 'Promise (pending)',
    undefined: 'undefined',
    symbol: 'Symbol(s)',
    'toJSON throws': '[object Object]',
    'no prototype': 'object',
    'revoked proxy': 'object',
  })
  // Expanding and editing them shows the same readable text.
  fireEvent.click(expandButton('circular'))
  expect(cellsOf('circular').value.querySelector('pre')?.textContent).toBe('[object Object]')
  fireEvent.click(labelled('Edit promise'))
  expect(labelled<HTMLTextAreaElement>('JSON value of promise').value).toBe('Promise (pending)')
})

it('shows keys of any type, one row each, and acts on the key itself', async () => {
  const first = { id: 1 }
  const second = { id: 2 }
  const symbol = Symbol('token')
  const cache = new Cache<unknown, number>()
  for (const key of [first, second, 1, '1', symbol, null]) cache.set(key, 0)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(shownKeys()).toEqual(['[object Object]', '[object Object]', '1', '1', 'Symbol(token)', 'null'])
  fireEvent.click(rows()[1].querySelector('button[aria-label="Delete [object Object]"]') as HTMLElement)
  fireEvent.click(labelled('Delete Symbol(token)'))
  await settle()
  expect(cache.keys()).toEqual([first, 1, '1', null])
  expect(logLines()).toEqual(
    ['delete Symbol(token)', 'delete [object Object]'].map((line) => expect.stringContaining(line)),
  )
  await change(() => cache.set(Object.create(null), 1))
  expect(shownKeys().at(-1)).toBe('object')
})

it('shows a memoized request as pending, then as the value it fulfilled with; a rejected one leaves', async () => {
  const cache = new Cache<string, unknown>()
  let answer!: (value: unknown) => void
  let fail!: (error: unknown) => void
  cache.getOrCompute('user', () => new Promise((resolve) => (answer = resolve)), 60_000)
  cache.getOrCompute('broken', () => new Promise((_, reject) => (fail = reject)))
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(cellsOf('user').value.textContent).toBe('Promise (pending)')
  // The cache announces nothing when a Promise settles: the row follows it.
  await change(() => answer({ name: 'Ada' }))
  expect(cellsOf('user').value.textContent).toBe('{"name":"Ada"}')
  fireEvent.click(labelled('Edit user'))
  expect(labelled<HTMLTextAreaElement>('JSON value of user').value).toBe('{\n  "name": "Ada"\n}')
  expect(cellsOf('broken').value.textContent).toBe('Promise (pending)')
  // A rejected request leaves the cache, and its row the table.
  await change(() => fail(new Error('down')))
  await settle()
  expect(shownKeys()).toEqual(['user'])
})
