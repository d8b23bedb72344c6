// @vitest-environment jsdom
// A return to the page (visibilitychange to visible, or focus after blur) refetches every mounted
// stale key once, in a task after the event, keeping the data on screen.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, expect, it, vi } from 'vitest'
import { useCachedAsync } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher } from '../helpers/deferred'
import { fakePage } from '../helpers/page'

let page: ReturnType<typeof fakePage>
afterEach(() => {
  page.restore()
  vi.restoreAllMocks()
})

it('refetches a stale key on a return, once for a visibilitychange and a focus of the same return', async () => {
  page = fakePage()
  const { clock, renders, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader() {
    const state = useCachedAsync('k', fetcher, { staleTime: 1_000 })
    renders.hit('reader')
    return <span data-testid="v">{show(state)}</span>
  }
  render(wrap(<Reader />))
  await act(async () => calls[0]?.resolve(1))
  // Fresh: a return fetches nothing.
  await page.leaveAndReturn()
  expect(calls).toHaveLength(1)
  clock.advance(1_000)
  renders.reset()
  await page.leaveAndReturn()
  expect(calls).toHaveLength(2)
  expect(screen.getByTestId('v').textContent).toBe('success:1:fetching:stale')
  // Another return while it is in flight starts nothing.
  await page.leaveAndReturn()
  await page.show()
  expect(calls).toHaveLength(2)
  await act(async () => calls[1]?.resolve(2))
  expect(screen.getByTestId('v').textContent).toBe('success:2:idle')
  expect(renders.of('reader')).toBe(2)
})

it('a focus without a blur before it is not a return; a visibilitychange alone is', async () => {
  page = fakePage()
  const { wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher, { staleTime: 0 }))}</span>
  }
  render(wrap(<Reader />))
  await act(async () => calls[0]?.resolve(1))
  await page.focus()
  expect(calls).toHaveLength(1)
  await page.blur()
  await page.focus()
  expect(calls).toHaveLength(2)
  await act(async () => calls[1]?.resolve(2))
  await page.show()
  expect(calls).toHaveLength(3)
  await act(async () => calls[2]?.resolve(3))
})

it('refetchOnFocus: false and enabled: false readers are left alone', async () => {
  page = fakePage()
  const { wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader({ k, enabled = true }: { k: string; enabled?: boolean }) {
    useCachedAsync(k, fetcher, { staleTime: 0, refetchOnFocus: k !== 'off', enabled })
    return null
  }
  render(wrap([<Reader key="off" k="off" />, <Reader key="disabled" k="disabled" enabled={false} />]))
  await act(async () => calls[0]?.resolve(1))
  await page.leaveAndReturn()
  expect(calls).toHaveLength(1)
})

it('a click that changes the key and returns focus refetches the new key, not the old one (SWR #1680)', async () => {
  page = fakePage()
  const { cache, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  cache.set('a', 'A')
  cache.set('b', 'B')
  const keys: string[] = []
  const recording = (signal: AbortSignal) => {
    keys.push(current)
    return fetcher(signal)
  }
  let current = 'a'
  function Reader() {
    const [k, setK] = useState('a')
    current = k
    const state = useCachedAsync(k, recording, { staleTime: 0 })
    return (
      <button type="button" data-testid="v" onClick={() => setK('b')}>
        {show(state)}
      </button>
    )
  }
  render(wrap(<Reader />))
  // The mount of a stale key fetched it; let that one finish.
  await act(async () => calls[0]?.resolve('A2'))
  keys.length = 0
  await page.blur()
  await act(async () => {
    fireEvent.click(screen.getByTestId('v'))
    window.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(0)
  })
  // The key change mounted 'b' (stale: fetched), and the return found 'b' already in flight.
  expect(keys).toEqual(['b'])
  await act(async () => calls.at(-1)?.resolve('B2'))
  expect(screen.getByTestId('v').textContent).toBe('success:B2:idle:stale')
})
