// @vitest-environment jsdom
import { cleanup, fireEvent } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import {
  advance,
  change,
  devtools,
  expandButton,
  fakeTime,
  labelled,
  logLines,
  renderOpen,
  settle,
  type,
} from './panel'

beforeEach(() => {
  fakeTime()
  // Local time, as the log shows it.
  vi.setSystemTime(new Date(2024, 0, 1, 12, 0, 1, 250))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

it('logs set, delete, expire, evict and flush with their time, newest first', async () => {
  const cache = new Cache<string, unknown>({ maxSize: 2 })
  await renderOpen(cache)
  expect(logLines()).toEqual([])
  await change(() => cache.set('price:1', 10, 500))
  await advance(250)
  await change(() => cache.set('price:2', 20))
  await change(() => cache.set('price:3', 30))
  await advance(250)
  await change(() => cache.delete('price:3'))
  await change(() => cache.flush())
  expect(logLines()).toEqual([
    '12:00:01.750 flush',
    '12:00:01.750 delete price:3',
    '12:00:01.500 evict price:1',
    '12:00:01.500 set price:3',
    '12:00:01.500 set price:2',
    '12:00:01.250 set price:1',
  ])
  const time = labelled('Event log').querySelector('li time')
  expect(time?.textContent).toBe('12:00:01.750')
})

it('logs an expiry when the entry expires', async () => {
  const cache = new Cache<string, unknown>()
  await renderOpen(cache)
  await change(() => cache.set('a', 1, 1_000))
  await advance(1_000)
  expect(logLines()).toEqual(['12:00:02.250 expire a', '12:00:01.250 set a'])
})

it('filters the log by event type', async () => {
  const cache = new Cache<string, unknown>()
  await renderOpen(cache)
  await change(() => {
    cache.set('a', 1)
    cache.set('b', 2)
    cache.delete('a')
    cache.flush()
  })
  const select = devtools().getByRole('combobox', { name: 'Event type' })
  expect(Array.from((select as HTMLSelectElement).options, (o) => o.value)).toEqual([
    'all',
    'set',
    'delete',
    'expire',
    'evict',
    'invalidate',
    'flush',
  ])
  fireEvent.change(select, { target: { value: 'set' } })
  expect(logLines()).toEqual(['12:00:01.250 set b', '12:00:01.250 set a'])
  fireEvent.change(select, { target: { value: 'delete' } })
  expect(logLines()).toEqual(['12:00:01.250 delete a'])
  fireEvent.change(select, { target: { value: 'expire' } })
  expect(logLines()).toEqual([])
  fireEvent.change(select, { target: { value: 'all' } })
  expect(logLines()).toHaveLength(4)
})

it('pause stops logging new events (the table still follows the cache), and resume logs again', async () => {
  const cache = new Cache<string, unknown>()
  await renderOpen(cache)
  await change(() => cache.set('before', 1))
  const pause = devtools().getByRole('button', { name: 'Pause log' })
  expect(pause.getAttribute('aria-pressed')).toBe('false')
  fireEvent.click(pause)
  await settle()
  expect(pause.getAttribute('aria-pressed')).toBe('true')
  await change(() => cache.set('while paused', 1))
  expect(logLines()).toEqual(['12:00:01.250 set before'])
  expect(expandButton('while paused')).toBeTruthy()
  fireEvent.click(pause)
  await settle()
  expect(pause.getAttribute('aria-pressed')).toBe('false')
  await change(() => cache.set('after', 1))
  expect(logLines()).toEqual(['12:00:01.250 set after', '12:00:01.250 set before'])
})

it('keeps the last 200 events', async () => {
  const cache = new Cache<string, unknown>()
  await renderOpen(cache)
  // The table shows none of them (jsdom is slow with hundreds of rows): only the log matters here.
  type(labelled('Filter keys'), 'none of these')
  await change(() => {
    for (let i = 0; i < 250; i++) cache.set(`k${i}`, i)
  })
  const lines = logLines()
  expect(lines).toHaveLength(200)
  expect(lines[0]).toBe('12:00:01.250 set k249')
  expect(lines[199]).toBe('12:00:01.250 set k50')
})

it('starts a new log each time it opens: closed, it records nothing', async () => {
  const cache = new Cache<string, unknown>()
  await renderOpen(cache)
  await change(() => cache.set('a', 1))
  fireEvent.click(labelled('poche devtools'))
  cache.set('b', 1)
  fireEvent.click(labelled('poche devtools'))
  await settle()
  expect(logLines()).toEqual([])
})
