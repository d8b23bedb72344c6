// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { Profiler } from 'react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { CacheDevtools } from '../../src/devtools/index'
import { advance, cellsOf, change, fakeTime, labelled, settle, type } from './panel'

beforeEach(fakeTime)
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

const bar = (key: string) => {
  const progress = labelled<HTMLElement>(`Time left for ${key}`)
  return {
    percent: Number(progress.getAttribute('aria-valuenow')),
    // The last frame falls up to 16 ms before the time the test moved to.
    width: `${Math.round(Number.parseFloat((progress.firstChild as HTMLElement).style.width))}%`,
    text: cellsOf(key).timeLeft.textContent,
  }
}

it('drains from full to empty, showing the seconds left', async () => {
  const cache = new Cache<string, number>()
  cache.set('a', 1, 10_000)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(labelled('Time left for a').getAttribute('role')).toBe('progressbar')
  expect(bar('a')).toEqual({ percent: 100, width: '100%', text: '10.0 s' })
  await advance(2_500)
  expect(bar('a')).toEqual({ percent: 75, width: '75%', text: '7.5 s' })
  await advance(7_000)
  expect(bar('a')).toEqual({ percent: 5, width: '5%', text: '0.5 s' })
})

it('counts the time left by the clock of the cache, not the wall clock', async () => {
  let time = 1_000
  const cache = new Cache<string, number>({ clock: { now: () => time } })
  cache.set('a', 1, 10_000)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(bar('a')).toEqual({ percent: 100, width: '100%', text: '10.0 s' })
  time = 5_000
  await advance(100)
  expect(bar('a')).toEqual({ percent: 60, width: '60%', text: '6.0 s' })
})

it('is full for the time an entry had left when the panel first saw it, and full again when it is re-timed', async () => {
  const cache = new Cache<string, number>()
  cache.set('a', 1, 10_000)
  render(<CacheDevtools cache={cache} />)
  await advance(6_000)
  fireEvent.click(labelled('poche devtools'))
  await settle()
  expect(bar('a')).toEqual({ percent: 100, width: '100%', text: '4.0 s' })
  await advance(1_000)
  expect(bar('a')).toEqual({ percent: 75, width: '75%', text: '3.0 s' })
  await change(() => cache.expire('a', 20_000))
  expect(bar('a')).toEqual({ percent: 100, width: '100%', text: '20.0 s' })
  await advance(5_000)
  await change(() => cache.set('a', 2, 30_000))
  expect(bar('a')).toEqual({ percent: 100, width: '100%', text: '30.0 s' })
})

it('one animation frame loop drives every bar, without re-rendering anything', async () => {
  const cache = new Cache<string, number>()
  for (let i = 0; i < 50; i++) cache.set(`k${i}`, i, 60_000)
  const commits = vi.fn()
  render(
    <Profiler id="devtools" onRender={commits}>
      <CacheDevtools cache={cache} initialIsOpen />
    </Profiler>,
  )
  await settle()
  const frames = vi.spyOn(window, 'requestAnimationFrame')
  commits.mockClear()
  await advance(16 * 10)
  // One request per frame for 50 bars; the bars moved; React committed nothing.
  expect(frames).toHaveBeenCalledTimes(10)
  expect(bar('k49').text).toBe('59.8 s')
  expect(commits).not.toHaveBeenCalled()
})

it('stops the loop when no bar is shown, and starts it again when one is', async () => {
  const cache = new Cache<string, number>()
  cache.set('a', 1, 60_000)
  cache.set('b', 2)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  const frames = vi.spyOn(window, 'requestAnimationFrame')
  await advance(100)
  expect(frames).toHaveBeenCalled()

  // Filtered out of the table: no bar, no frame.
  type(labelled('Filter keys'), 'b')
  frames.mockClear()
  await advance(1_000)
  expect(frames).not.toHaveBeenCalled()
  type(labelled('Filter keys'), '')
  await advance(100)
  expect(frames).toHaveBeenCalled()

  // Persisted: no TTL, no bar, no frame.
  await change(() => cache.persist('a'))
  frames.mockClear()
  await advance(1_000)
  expect(frames).not.toHaveBeenCalled()
  expect(cellsOf('a').timeLeft.textContent).toBe('never')
})
