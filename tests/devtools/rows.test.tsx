// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { CacheDevtools } from '../../src/devtools/index'
import { Cache, CacheProvider, useCachedValue } from '../../src/index'
import {
  advance,
  cellsOf,
  change,
  devtools,
  expandButton,
  fakeTime,
  figure,
  labelled,
  rows,
  settle,
  shownKeys,
} from './panel'

beforeEach(fakeTime)
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

it('shows a row per live entry, in the cache order, and drops entries as they go', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', 1)
  cache.set('b', 'two', 1_000)
  cache.set('c', [3])
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(shownKeys()).toEqual(['a', 'b', 'c'])
  expect(cellsOf('a').key.textContent).toBe('a')
  expect(cellsOf('b').value.textContent).toBe('"two"')
  expect(cellsOf('c').value.textContent).toBe('[3]')
  await advance(1_000)
  expect(shownKeys()).toEqual(['a', 'c'])
  await change(() => cache.delete('a'))
  expect(shownKeys()).toEqual(['c'])
  await change(() => cache.flush())
  expect(shownKeys()).toEqual([])
  expect(devtools().getByText('No entries')).toBeTruthy()
})

it('previews a value as one line of JSON cut at 60 characters, and expands it into the full JSON', async () => {
  const cache = new Cache<string, unknown>()
  const value = { text: 'x'.repeat(80), n: 1 }
  cache.set('long', value)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  const expand = devtools().getByRole('button', { name: /^Expand long: / })
  expect(expand).toBe(expandButton('long'))
  // Its name holds the preview it shows, for voice control.
  expect(expand.getAttribute('aria-label')).toBe(`Expand long: ${expand.textContent}`)
  expect(expand.getAttribute('aria-expanded')).toBe('false')
  expect(expand.textContent).toBe(`${JSON.stringify(value).slice(0, 60)}…`)
  expect(cellsOf('long').value.querySelector('pre')).toBeNull()
  fireEvent.click(expand)
  expect(expand.getAttribute('aria-expanded')).toBe('true')
  expect(cellsOf('long').value.querySelector('pre')?.textContent).toBe(JSON.stringify(value, null, 2))
  fireEvent.click(expand)
  expect(cellsOf('long').value.querySelector('pre')).toBeNull()
})

it('counts the components reading each key, and the app listeners in the header', async () => {
  const cache = new Cache<string, unknown>({ defaultTtl: 5_000, maxSize: 100 })
  function Reader({ k }: { k: string }) {
    return <span>{String(useCachedValue(k, () => k.toUpperCase()))}</span>
  }
  function App() {
    const [third, setThird] = useState(false)
    return (
      <CacheProvider cache={cache}>
        <Reader k="a" />
        <Reader k="a" />
        <Reader k="b" />
        {third && <Reader k="a" />}
        <button type="button" onClick={() => setThird(true)}>
          mount a third
        </button>
        <CacheDevtools initialIsOpen />
      </CacheProvider>
    )
  }
  const { getByText } = render(<App />)
  await settle()
  expect(cellsOf('a').readers.textContent).toBe('2')
  expect(cellsOf('b').readers.textContent).toBe('1')
  expect([figure('size'), figure('maxSize'), figure('defaultTtl'), figure('listeners')]).toEqual([
    '2',
    '100',
    '5000 ms',
    '3',
  ])
  // A reader mounting on a key that holds a value announces nothing: the poll counts it within a second.
  fireEvent.click(getByText('mount a third'))
  await advance(1_000)
  expect(cellsOf('a').readers.textContent).toBe('3')
  expect(figure('listeners')).toBe('4')
})

it('follows a reader that moves from one key to another, though the listener count stays the same', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('x', 1)
  cache.set('y', 2)
  function Reader() {
    const [key, setKey] = useState('x')
    return (
      <button type="button" onClick={() => setKey('y')}>
        {String(useCachedValue(key, () => 0))}
      </button>
    )
  }
  const { getByRole } = render(
    <CacheProvider cache={cache}>
      <Reader />
      <CacheDevtools initialIsOpen />
    </CacheProvider>,
  )
  await settle()
  expect([cellsOf('x').readers.textContent, cellsOf('y').readers.textContent]).toEqual(['1', '0'])
  fireEvent.click(getByRole('button', { name: '1' }))
  await advance(1_000)
  expect([cellsOf('x').readers.textContent, cellsOf('y').readers.textContent]).toEqual(['0', '1'])
})

it('gives keys that print alike a row each: two symbols of one description, an object and its text', async () => {
  const cache = new Cache<unknown, number>()
  const first = Symbol('a')
  const second = Symbol('a')
  const object = { toString: () => 'Symbol(a)' }
  cache.set(first, 1)
  cache.set(second, 2)
  cache.set(object, 3)
  cache.set('Symbol(a)', 4)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(rows().map((row) => row.cells[1].textContent)).toEqual(['1', '2', '3', '4'])
  await change(() => cache.delete(first))
  expect(rows().map((row) => row.cells[1].textContent)).toEqual(['2', '3', '4'])
})

it('shows no negative listener count once the cache is disposed under it', async () => {
  const cache = new Cache<string, unknown>()
  cache.set('a', 1)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  cache.dispose()
  await advance(1_000)
  expect(figure('listeners')).toBe('0')
})

it('shows ∞ and none for an unbounded cache without a default TTL', async () => {
  render(<CacheDevtools cache={new Cache()} initialIsOpen />)
  await settle()
  expect([figure('size'), figure('maxSize'), figure('defaultTtl'), figure('listeners')]).toEqual([
    '0',
    '∞',
    'none',
    '0',
  ])
})

it('renders at most 200 of 10,000 entries, and 200 more per Show more', async () => {
  const cache = new Cache<string, number>()
  for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(rows()).toHaveLength(200)
  expect(shownKeys().at(-1)).toBe('k199')
  expect(devtools().getByText('Showing 200 of 10000')).toBeTruthy()
  fireEvent.click(devtools().getByText('Show more'))
  expect(rows()).toHaveLength(400)
  expect(devtools().getByText('Showing 400 of 10000')).toBeTruthy()
  expect(figure('size')).toBe('10000')
})

it('re-renders once for a burst of 10,000 writes, not once per write', async () => {
  const cache = new Cache<string, number>()
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  const listings = vi.spyOn(cache, 'items')
  await change(() => {
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i, 60_000)
  })
  expect(listings).toHaveBeenCalledTimes(1)
  expect(rows()).toHaveLength(200)
  expect(labelled('Time left for k0').getAttribute('aria-valuenow')).toBe('100')
  expect(figure('size')).toBe('10000')
})
