// @vitest-environment jsdom
// refetchInterval: one timer per polled key (the shortest interval among its readers), counted
// from the last arrival, paused while the page is hidden unless refetchIntervalInBackground.
import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { useCachedAsync } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { flushPromises } from '../helpers/deferred'
import { fakePage } from '../helpers/page'

let page: ReturnType<typeof fakePage>
beforeEach(() => {
  page = fakePage()
})
afterEach(() => {
  page.restore()
  vi.restoreAllMocks()
})

const counting = () => {
  const counts = new Map<string, number>()
  const fetcher = (key: string) => async () => {
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    return n
  }
  return { counts, fetcher }
}

// In steps, so that each arrival (a Promise) is in before the next timer is due.
const advance = async (clock: { advance(ms: number): void }, ms: number, step = 100) => {
  for (let done = 0; done < ms; done += step) {
    await act(async () => {
      clock.advance(Math.min(step, ms - done))
      await flushPromises()
    })
  }
}

it('a key polled by 100 readers is fetched once per interval, the shortest one, counted from each arrival', async () => {
  const { clock, renders, wrap } = cacheSetup()
  const { counts, fetcher } = counting()
  function Reader({ i }: { i: number }) {
    const state = useCachedAsync('stock', fetcher('stock'), { refetchInterval: i === 7 ? 1_000 : 5_000 })
    renders.hit(`r${i}`)
    return <span data-testid={`r${i}`}>{show(state)}</span>
  }
  render(wrap(Array.from({ length: 100 }, (_, i) => <Reader key={String(i)} i={i} />)))
  await act(flushPromises)
  expect(counts.get('stock')).toBe(1)
  // One poll timer for the key (no TTL: the cache arms none of its own).
  expect(clock.pending).toBe(1)
  await advance(clock, 999)
  expect(counts.get('stock')).toBe(1)
  renders.reset()
  await advance(clock, 1)
  expect(counts.get('stock')).toBe(2)
  expect(screen.getByTestId('r0').textContent).toBe('success:2:idle')
  // The fetch and its arrival: two renders per reader at most.
  expect(renders.of('r0')).toBeLessThanOrEqual(2)
  await advance(clock, 3_000)
  expect(counts.get('stock')).toBe(5)
  expect(clock.pending).toBe(1)
})

it('a function interval gets the data and stops polling by returning false', async () => {
  const { clock, wrap } = cacheSetup()
  const { counts, fetcher } = counting()
  function Reader() {
    useCachedAsync('k', fetcher('k'), { refetchInterval: (data) => (data !== undefined && data >= 3 ? false : 100) })
    return null
  }
  render(wrap(<Reader />))
  await act(flushPromises)
  await advance(clock, 1_000)
  expect(counts.get('k')).toBe(3)
  expect(clock.pending).toBe(0)
})

it('a hidden page polls nothing; shown after an hour it makes one request per key', async () => {
  const { clock, wrap } = cacheSetup()
  const { counts, fetcher } = counting()
  function Reader({ k }: { k: string }) {
    useCachedAsync(k, fetcher(k), { refetchInterval: 1_000, staleTime: 1_000 })
    return null
  }
  render(wrap(['a', 'b'].map((k) => <Reader key={k} k={k} />)))
  await act(flushPromises)
  await page.hide()
  await advance(clock, 3_600_000, 600_000)
  expect(counts.get('a')).toBe(1)
  expect(clock.pending).toBe(0)
  await page.show()
  await act(flushPromises)
  expect([counts.get('a'), counts.get('b')]).toEqual([2, 2])
  expect(clock.pending).toBe(2)
})

it('refetchIntervalInBackground keeps polling while hidden', async () => {
  const { clock, wrap } = cacheSetup()
  const { counts, fetcher } = counting()
  function Reader() {
    useCachedAsync('k', fetcher('k'), { refetchInterval: 1_000, refetchIntervalInBackground: true })
    return null
  }
  render(wrap(<Reader />))
  await act(flushPromises)
  await page.hide()
  await advance(clock, 3_000)
  expect(counts.get('k')).toBe(4)
})

it('polling stops with the last reader: no timer is left', async () => {
  const { clock, wrap } = cacheSetup()
  const { fetcher } = counting()
  function Reader() {
    useCachedAsync('k', fetcher('k'), { refetchInterval: 1_000 })
    return null
  }
  const view = render(wrap(<Reader />))
  await act(flushPromises)
  expect(clock.pending).toBe(1)
  view.unmount()
  expect(clock.pending).toBe(0)
})
