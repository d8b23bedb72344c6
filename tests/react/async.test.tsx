// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react'
import { StrictMode, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { type AsyncState, type Cache, useCachedAsync, useCachedValue } from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher, flushPromises } from '../helpers/deferred'
import { failOnUnhandledRejections } from '../helpers/unhandledRejections'

const setup = () => cacheSetup()

const show = (state: AsyncState<unknown>): string =>
  `${state.status}:${String(state.data)}:${state.isFetching ? 'fetching' : 'idle'}${
    state.error ? `:${(state.error as Error).message}` : ''
  }`

// Vitest fails the run on an unhandled rejection too; this makes the check part of each test.
failOnUnhandledRejections()

describe('useCachedAsync', () => {
  it('goes from pending to success and returns data, error, status, isFetching and refresh', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    const seen: string[] = []
    let last: AsyncState<string> | undefined
    function Reader() {
      last = useCachedAsync('user', fetcher)
      seen.push(show(last))
      return <span data-testid="v">{show(last)}</span>
    }
    render(wrap(<Reader />))
    expect(screen.getByTestId('v').textContent).toBe('pending:undefined:fetching')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal)
    await act(async () => calls[0]?.resolve('ada'))
    expect(screen.getByTestId('v').textContent).toBe('success:ada:idle')
    expect(last?.error).toBeUndefined()
    expect(typeof last?.refresh).toBe('function')
    expect(cache.has('user')).toBe(true)
    expect(seen).toEqual(['pending:undefined:fetching', 'success:ada:idle'])
  })

  it('makes one request for ten components on one key, shared with a non-React getOrCompute caller', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<number>()
    function Reader({ i }: { i: number }) {
      const { data } = useCachedAsync('k', fetcher)
      return <span data-testid={`r${i}`}>{String(data)}</span>
    }
    render(wrap([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => <Reader key={`r${i}`} i={i} />)))
    const outside = cache.getOrCompute('k', () => Promise.resolve(-1))
    expect(calls).toHaveLength(1)
    await act(async () => calls[0]?.resolve(7))
    await expect(outside).resolves.toBe(7)
    for (let i = 0; i < 10; i++) expect(screen.getByTestId(`r${i}`).textContent).toBe('7')
    expect(calls).toHaveLength(1)
  })

  it('joins a request a non-React caller started', async () => {
    const { cache, wrap } = setup()
    let resolve!: (v: string) => void
    cache.getOrCompute('k', () => new Promise<string>((r) => (resolve = r)))
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader() {
      return <span data-testid="v">{show(useCachedAsync('k', fetcher))}</span>
    }
    render(wrap(<Reader />))
    expect(screen.getByTestId('v').textContent).toBe('pending:undefined:fetching')
    await act(async () => resolve('from outside'))
    expect(screen.getByTestId('v').textContent).toBe('success:from outside:idle')
    expect(calls).toHaveLength(0)
  })

  it('calls the fetcher once under StrictMode', async () => {
    const { wrap } = setup()
    const { calls, fetcher } = controlledFetcher<number>()
    function Reader() {
      return <span data-testid="v">{show(useCachedAsync('k', fetcher))}</span>
    }
    render(<StrictMode>{wrap(<Reader />)}</StrictMode>)
    await act(async () => calls[0]?.resolve(1))
    expect(screen.getByTestId('v').textContent).toBe('success:1:idle')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.signal.aborted).toBe(false)
  })

  it('counts the TTL from when the value arrives; a pending entry never expires', async () => {
    const { cache, clock, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<number>()
    function Reader() {
      return <span data-testid="v">{show(useCachedAsync('k', fetcher, 1_000))}</span>
    }
    render(wrap(<Reader />))
    act(() => clock.advance(5_000))
    expect(cache.has('k')).toBe(true)
    expect(calls).toHaveLength(1)
    const arrival = clock.time
    await act(async () => calls[0]?.resolve(1))
    expect(cache.getItem('k')?.expiration).toBe(arrival + 1_000)
    act(() => clock.advance(999))
    expect(calls).toHaveLength(1)
    expect(screen.getByTestId('v').textContent).toBe('success:1:idle')
  })

  it('fetches a mounted entry again when it expires, keeping the previous data on screen', async () => {
    const { clock, renders, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<number>()
    const seen: string[] = []
    function Reader() {
      const state = useCachedAsync('k', fetcher, 1_000)
      renders.hit('reader')
      seen.push(show(state))
      return <span data-testid="v">{show(state)}</span>
    }
    render(wrap(<Reader />))
    await act(async () => calls[0]?.resolve(1))
    act(() => clock.advance(1_000))
    expect(calls).toHaveLength(2)
    expect(screen.getByTestId('v').textContent).toBe('success:1:fetching')
    await act(async () => calls[1]?.resolve(2))
    expect(screen.getByTestId('v').textContent).toBe('success:2:idle')
    expect(seen).toEqual(['pending:undefined:fetching', 'success:1:idle', 'success:1:fetching', 'success:2:idle'])
    expect(renders.of('reader')).toBe(4)
  })

  // Issue 23 made failed attempts retried by default (retry: 3): with retry: false nothing is.
  it('with retry: false shows a rejection as an error, caches nothing, and never retries by itself', async () => {
    const { cache, clock, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<number>()
    function Reader() {
      return <span data-testid="v">{show(useCachedAsync('k', fetcher, { ttl: 1_000, retry: false }))}</span>
    }
    render(wrap(<Reader />))
    await act(async () => calls[0]?.reject(new Error('500')))
    expect(screen.getByTestId('v').textContent).toBe('error:undefined:idle:500')
    expect(cache.has('k')).toBe(false)
    for (let i = 0; i < 5; i++) {
      await act(async () => {
        clock.advance(10_000)
        await flushPromises()
      })
    }
    expect(calls).toHaveLength(1)
    expect(screen.getByTestId('v').textContent).toBe('error:undefined:idle:500')
  })

  it('tries a failed key again on refresh(), on remount and on a key change', async () => {
    const { wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    let state: AsyncState<string> | undefined
    function Reader({ k }: { k: string }) {
      state = useCachedAsync(k, fetcher, { retry: false })
      return <span data-testid="v">{show(state)}</span>
    }
    const view = render(wrap(<Reader k="a" />))
    await act(async () => calls[0]?.reject(new Error('first')))
    expect(screen.getByTestId('v').textContent).toBe('error:undefined:idle:first')
    // refresh()
    act(() => state?.refresh())
    expect(calls).toHaveLength(2)
    expect(screen.getByTestId('v').textContent).toBe('pending:undefined:fetching')
    await act(async () => calls[1]?.reject(new Error('second')))
    expect(screen.getByTestId('v').textContent).toBe('error:undefined:idle:second')
    // remount
    view.unmount()
    const again = render(wrap(<Reader k="a" />))
    expect(calls).toHaveLength(3)
    await act(async () => calls[2]?.reject(new Error('third')))
    // key change
    again.rerender(wrap(<Reader k="b" />))
    expect(calls).toHaveLength(4)
    await act(async () => calls[3]?.resolve('b!'))
    expect(screen.getByTestId('v').textContent).toBe('success:b!:idle')
  })

  it('refresh() keeps the value on screen until the new one arrives', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<number>()
    let state: AsyncState<number> | undefined
    function Reader() {
      state = useCachedAsync('k', fetcher)
      return <span data-testid="v">{show(state)}</span>
    }
    render(wrap(<Reader />))
    await act(async () => calls[0]?.resolve(1))
    act(() => state?.refresh())
    expect(screen.getByTestId('v').textContent).toBe('success:1:fetching')
    await act(async () => calls[1]?.resolve(2))
    expect(screen.getByTestId('v').textContent).toBe('success:2:idle')
    await expect(cache.get('k')).resolves.toBe(2)
  })

  it('a set() made while a request is pending wins over its later result', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader() {
      return <span data-testid="v">{show(useCachedAsync('k', fetcher))}</span>
    }
    render(wrap(<Reader />))
    act(() => cache.set('k', 'manual'))
    expect(calls[0]?.signal.aborted).toBe(true)
    await act(async () => calls[0]?.resolve('late'))
    expect(screen.getByTestId('v').textContent).toBe('success:manual:idle')
    expect(cache.get('k')).toBe('manual')
    expect(calls).toHaveLength(1)
  })

  it("never shows an old key's result under the new key", async () => {
    const { wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader({ k }: { k: string }) {
      return <span data-testid="v">{show(useCachedAsync(k, fetcher))}</span>
    }
    const view = render(wrap(<Reader k="a" />))
    view.rerender(wrap(<Reader k="b" />))
    expect(calls).toHaveLength(2)
    await act(async () => calls[0]?.resolve('for a'))
    expect(screen.getByTestId('v').textContent).toBe('pending:undefined:fetching')
    await act(async () => calls[1]?.resolve('for b'))
    expect(screen.getByTestId('v').textContent).toBe('success:for b:idle')
  })

  it('aborts the request when its key is abandoned and drops its result', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader({ k }: { k: string }) {
      return <span data-testid="v">{show(useCachedAsync(k, fetcher))}</span>
    }
    const view = render(wrap(<Reader k="a" />))
    view.rerender(wrap(<Reader k="b" />))
    await act(flushPromises)
    expect(calls[0]?.signal.aborted).toBe(true)
    expect(cache.has('a')).toBe(false)
    expect(calls[1]?.signal.aborted).toBe(false)
  })

  it.each([
    ['delete', (cache: Cache<string, unknown>) => cache.delete('k')],
    ['flush', (cache: Cache<string, unknown>) => cache.flush()],
  ])(
    '%s before the request settles aborts it, drops its result and fetches again for the mounted reader',
    async (_, remove) => {
      const { cache, wrap } = setup()
      const { calls, fetcher } = controlledFetcher<string>()
      function Reader() {
        return <span data-testid="v">{show(useCachedAsync('k', fetcher))}</span>
      }
      render(wrap(<Reader />))
      act(() => remove(cache))
      expect(calls[0]?.signal.aborted).toBe(true)
      expect(calls).toHaveLength(2)
      await act(async () => calls[0]?.resolve('dropped'))
      expect(screen.getByTestId('v').textContent).toBe('pending:undefined:fetching')
      await act(async () => calls[1]?.resolve('fresh'))
      expect(screen.getByTestId('v').textContent).toBe('success:fresh:idle')
    },
  )

  it('unmounting the last reader aborts the request, removes the entry and every listener', async () => {
    const { cache, wrap } = setup()
    const { calls, fetcher } = controlledFetcher<string>()
    function Reader() {
      return <span>{show(useCachedAsync('k', fetcher))}</span>
    }
    function App() {
      const [count, setCount] = useState(2)
      return (
        <>
          <button type="button" onClick={() => setCount((n) => n - 1)}>
            fewer
          </button>
          {['first', 'second'].slice(0, count).map((name) => (
            <Reader key={name} />
          ))}
        </>
      )
    }
    render(wrap(<App />))
    act(() => screen.getByRole('button').click())
    await act(flushPromises)
    expect(calls[0]?.signal.aborted).toBe(false)
    act(() => screen.getByRole('button').click())
    await act(flushPromises)
    expect(calls[0]?.signal.aborted).toBe(true)
    expect(cache.has('k')).toBe(false)
    expect(cache.listenerCount).toBe(0)
  })

  it('leaves no unhandled rejection when nothing is mounted', async () => {
    const { cache } = setup()
    const failing = cache.getOrCompute('k', () => Promise.reject(new Error('nobody listens')))
    // Nobody ever handles this one but the cache.
    cache.getOrCompute('ignored', () => Promise.reject(new Error('ignored')))
    await flushPromises()
    expect(cache.has('k')).toBe(false)
    expect(cache.has('ignored')).toBe(false)
    await expect(failing).rejects.toThrow('nobody listens')
  })

  it('keeps useCachedValue working for plain values', () => {
    const { wrap } = setup()
    let calls = 0
    function Reader() {
      return <span data-testid="v">{useCachedValue('k', () => ++calls)}</span>
    }
    render(wrap(<Reader />))
    expect(screen.getByTestId('v').textContent).toBe('1')
    expect(calls).toBe(1)
  })
})
