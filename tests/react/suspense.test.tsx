// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react'
import { Component, type ReactNode, Suspense } from 'react'
import { describe, expect, it } from 'vitest'
import { Cache, CacheProvider, useSuspenseCachedValue } from '../../src/index'
import { controlledFetcher, flushPromises } from '../helpers/deferred'
import { FakeClock } from '../helpers/fakeClock'

const setup = () => {
  const clock = new FakeClock()
  const cache = new Cache<string, unknown>({ clock })
  const wrap = (children: ReactNode) => <CacheProvider cache={cache}>{children}</CacheProvider>
  return { clock, cache, wrap }
}

class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    return this.state.error ? (
      <button type="button" onClick={() => this.setState({ error: undefined })}>
        {`retry after ${this.state.error.message}`}
      </button>
    ) : (
      this.props.children
    )
  }
}

// React reports an error caught by a boundary through console.error in development; that
// report is the expected outcome in the error tests, so it is let through there only.
const allowCaughtErrorReports = (times: number) => {
  const spy = console.error as unknown as { mockImplementationOnce: (f: () => void) => void }
  for (let i = 0; i < times; i++) spy.mockImplementationOnce(() => {})
}

describe('useSuspenseCachedValue', () => {
  it('suspends while pending, then shows the value; three readers share one request', async () => {
    const { cache, clock, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader({ i }: { i: number }) {
      return <span data-testid={`r${i}`}>{useSuspenseCachedValue('k', fetcher, 1_000)}</span>
    }
    render(
      wrap(
        <Suspense fallback={<span data-testid="fallback">loading</span>}>
          <Reader i={0} />
          <Reader i={1} />
          <Reader i={2} />
        </Suspense>,
      ),
    )
    expect(screen.getByTestId('fallback').textContent).toBe('loading')
    await act(async () => calls[0]?.resolve('v'))
    for (let i = 0; i < 3; i++) expect(screen.getByTestId(`r${i}`).textContent).toBe('v')
    expect(calls).toHaveLength(1)
    expect(cache.getItem('k')?.expiration).toBe(clock.time + 1_000)
  })

  it('throws a rejection to the error boundary, without fetching again until the boundary retries', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader() {
      return <span data-testid="v">{useSuspenseCachedValue('k', fetcher)}</span>
    }
    render(
      wrap(
        <Boundary>
          <Suspense fallback={<span>loading</span>}>
            <Reader />
          </Suspense>
        </Boundary>,
      ),
    )
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
    render(
      wrap(
        <Boundary>
          <Suspense fallback={<span>loading</span>}>
            <Reader />
          </Suspense>
        </Boundary>,
      ),
    )
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
