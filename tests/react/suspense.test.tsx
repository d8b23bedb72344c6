// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react'
import { type ReactNode, Suspense } from 'react'
import { describe, expect, it } from 'vitest'
import { useSuspenseCachedValue } from '../../src/index'
import { allowCaughtErrorReports, Boundary } from '../helpers/Boundary'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher, flushPromises } from '../helpers/deferred'

const setup = () => cacheSetup()

/** `children` under an error boundary and a Suspense boundary whose fallback says "loading". */
const guarded = (children: ReactNode) => (
  <Boundary>
    <Suspense fallback={<span data-testid="fallback">loading</span>}>{children}</Suspense>
  </Boundary>
)

describe('useSuspenseCachedValue', () => {
  it('suspends while pending, then shows the value; three readers share one request', async () => {
    const { cache, clock, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader({ i }: { i: number }) {
      return <span data-testid={`r${i}`}>{useSuspenseCachedValue('k', fetcher, 1_000)}</span>
    }
    render(
      wrap(
        guarded(
          <>
            <Reader i={0} />
            <Reader i={1} />
            <Reader i={2} />
          </>,
        ),
      ),
    )
    expect(screen.getByTestId('fallback').textContent).toBe('loading')
    await act(async () => calls[0]?.resolve('v'))
    for (let i = 0; i < 3; i++) expect(screen.getByTestId(`r${i}`).textContent).toBe('v')
    expect(calls).toHaveLength(1)
    expect(cache.getItem('k')?.expiration).toBe(clock.time + 1_000)
  })

  // With retry: false (issue 23 made retry: 3 the default: tests/react/retry.test.tsx).
  it('throws a rejection to the error boundary, without fetching again until the boundary retries', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader() {
      return <span data-testid="v">{useSuspenseCachedValue('k', fetcher, { retry: false })}</span>
    }
    render(wrap(guarded(<Reader />)))
    allowCaughtErrorReports(4)
    await act(async () => calls[0]?.reject(new Error('500')))
    expect(screen.getByRole('button').textContent).toBe('retry after 500')
    expect(cache.has('k')).toBe(false)
    await act(flushPromises)
    expect(calls).toHaveLength(1)
    act(() => screen.getByRole('button').click())
    expect(calls).toHaveLength(2)
    await act(async () => calls[1]?.resolve('ok'))
    expect(screen.getByTestId('v').textContent).toBe('ok')
  })

  it('returns a cached value at once, and a value set by hand', () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    cache.set('k', 'already')
    function Reader() {
      return <span data-testid="v">{useSuspenseCachedValue('k', fetcher)}</span>
    }
    render(wrap(<Reader />))
    expect(screen.getByTestId('v').textContent).toBe('already')
    act(() => cache.set('k', 'by hand'))
    expect(screen.getByTestId('v').textContent).toBe('by hand')
    expect(calls).toHaveLength(0)
  })

  it('a delete while suspended fetches again instead of showing the abort', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader() {
      return <span data-testid="v">{useSuspenseCachedValue('k', fetcher)}</span>
    }
    render(wrap(guarded(<Reader />)))
    // The suspended render never commits: its write is announced a microtask later.
    await act(flushPromises)
    act(() => cache.delete('k'))
    expect(calls[0]?.signal.aborted).toBe(true)
    await act(flushPromises)
    expect(calls).toHaveLength(2)
    await act(async () => calls[1]?.resolve('second'))
    expect(screen.getByTestId('v').textContent).toBe('second')
  })
})
