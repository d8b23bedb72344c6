// @vitest-environment jsdom
// Failed attempts are retried with backoff (counted in failureCount) before the error shows;
// never while the page is hidden or offline; never after the key is deleted or its reader leaves.
import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { useCachedAsync, useSuspenseCachedValue } from '../../src/index'
import { show, watchUnhandled } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher, flushPromises } from '../helpers/deferred'
import { fakePage } from '../helpers/page'

let page: ReturnType<typeof fakePage>
let rejections: ReturnType<typeof watchUnhandled>
beforeEach(() => {
  page = fakePage()
  rejections = watchUnhandled()
})
afterEach(async () => {
  await flushPromises()
  rejections.stop()
  page.restore()
  vi.restoreAllMocks()
  expect(rejections.unhandled).toEqual([])
})

/** Moves the cache's clock by `ms`, then lets the attempts it started run. */
const tick = async (clock: { advance(ms: number): void }, ms: number) => {
  await act(async () => {
    clock.advance(ms)
    await flushPromises()
  })
}

const fail = async (call: { reject(error: unknown): void } | undefined, message: string) => {
  await act(async () => {
    call?.reject(new Error(message))
    await flushPromises()
  })
}

it('retries 3 times after 1, 2 and 4 s by default, counting failures; the error shows after the last', async () => {
  const { cache, clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher))}</span>
  }
  render(wrap(<Reader />))
  const text = () => screen.getByTestId('v').textContent
  for (const [attempt, wait] of [1_000, 2_000, 4_000].entries()) {
    await fail(calls[attempt], `no ${attempt}`)
    expect(text()).toBe(`pending:undefined:fetching:failures=${attempt + 1}`)
    expect(clock.delays.at(-1)).toBe(wait)
    await tick(clock, wait - 1)
    expect(calls).toHaveLength(attempt + 1)
    await tick(clock, 1)
    expect(calls).toHaveLength(attempt + 2)
  }
  await fail(calls[3], 'last')
  expect(text()).toBe('error:undefined:idle:failures=4:last')
  expect(cache.has('k')).toBe(false)
  expect(clock.pending).toBe(0)
})

it('a success after failures resets failureCount; retry and retryDelay as numbers and functions', async () => {
  const { clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  const decide = vi.fn(
    (failureCount: number, error: unknown) => failureCount < 2 && (error as Error).message === 'again',
  )
  function Reader({ k }: { k: string }) {
    const options =
      k === 'a' ? { retry: 1, retryDelay: 50 } : { retry: decide, retryDelay: (attempt: number) => 10 * (attempt + 1) }
    return <span data-testid="v">{show(useCachedAsync(k, fetcher, options))}</span>
  }
  const view = render(wrap(<Reader k="a" />))
  await fail(calls[0], 'once')
  expect(clock.delays.at(-1)).toBe(50)
  await tick(clock, 50)
  await act(async () => calls[1]?.resolve(1))
  expect(screen.getByTestId('v').textContent).toBe('success:1:idle')
  view.rerender(wrap(<Reader k="b" />))
  await fail(calls[2], 'again')
  expect(clock.delays.at(-1)).toBe(10)
  await tick(clock, 10)
  await fail(calls[3], 'again')
  expect(decide).toHaveBeenLastCalledWith(2, expect.any(Error))
  expect(screen.getByTestId('v').textContent).toBe('error:undefined:idle:failures=2:again')
  expect(calls).toHaveLength(4)
})

it('no retry while the page is hidden or offline: it waits, then resumes on show or online', async () => {
  const { clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher, { retryDelay: 100 }))}</span>
  }
  render(wrap(<Reader />))
  await page.hide()
  await fail(calls[0], 'hidden')
  await tick(clock, 10_000)
  expect(calls).toHaveLength(1)
  await page.show()
  await act(flushPromises)
  expect(calls).toHaveLength(2)
  await page.offline()
  await fail(calls[1], 'offline')
  await tick(clock, 10_000)
  expect(calls).toHaveLength(2)
  await page.online()
  await act(flushPromises)
  expect(calls).toHaveLength(3)
  await act(async () => calls[2]?.resolve(3))
  expect(screen.getByTestId('v').textContent).toBe('success:3:idle')
})

it('stops retrying when the key is deleted or its last reader unmounts: the signal fires, no timer is left', async () => {
  const { cache, clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader({ k }: { k: string }) {
    useCachedAsync(k, fetcher)
    return null
  }
  const view = render(wrap(<Reader k="a" />))
  await fail(calls[0], 'a')
  expect(clock.pending).toBe(1)
  act(() => cache.delete('a'))
  expect(calls[0]?.signal.aborted).toBe(true)
  // The wait is cancelled; the mounted reader fetches the deleted key anew, as it always did.
  expect(clock.pending).toBe(0)
  expect(calls).toHaveLength(2)
  view.rerender(wrap(<Reader k="b" />))
  await fail(calls[2], 'b')
  view.unmount()
  await act(flushPromises)
  expect(calls[2]?.signal.aborted).toBe(true)
  await tick(clock, 60_000)
  expect(calls.length).toBeLessThanOrEqual(3)
  expect(clock.pending).toBe(0)
})

it('a suspending reader retries before throwing its error to the boundary', async () => {
  const { clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  function Reader() {
    return <span data-testid="v">{useSuspenseCachedValue('k', fetcher, { retry: 1, retryDelay: 10 })}</span>
  }
  render(
    wrap(
      <Suspense fallback="loading">
        <Reader />
      </Suspense>,
    ),
  )
  await fail(calls[0], 'first')
  await tick(clock, 10)
  expect(calls).toHaveLength(2)
  await act(async () => calls[1]?.resolve('ok'))
  expect(screen.getByTestId('v').textContent).toBe('ok')
})
