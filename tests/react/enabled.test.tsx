// @vitest-environment jsdom
// enabled: false and a null key fetch nothing and start no timer; a cached value is still shown.
import { act, render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useCachedAsync } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher } from '../helpers/deferred'

it('enabled: false fetches nothing and arms no timer until it turns true', async () => {
  const { cache, clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader({ enabled }: { enabled: boolean }) {
    const options = { enabled, refetchInterval: 1_000, staleTime: 0 }
    return <span data-testid="v">{show(useCachedAsync('k', fetcher, options))}</span>
  }
  const view = render(wrap(<Reader enabled={false} />))
  expect(screen.getByTestId('v').textContent).toBe('pending:undefined:idle')
  act(() => clock.advance(10_000))
  expect(calls).toHaveLength(0)
  expect(clock.pending).toBe(0)
  expect(cache.size).toBe(0)
  view.rerender(wrap(<Reader enabled />))
  expect(calls).toHaveLength(1)
  await act(async () => calls[0]?.resolve(1))
  expect(screen.getByTestId('v').textContent).toBe('success:1:idle:stale')
})

it('enabled: false still shows a value already in the cache, and never refreshes it', async () => {
  const { cache, clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  cache.set('k', 5)
  cache.invalidate('k')
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher, { enabled: false, refetchInterval: 100 }))}</span>
  }
  render(wrap(<Reader />))
  expect(screen.getByTestId('v').textContent).toBe('success:5:idle:stale')
  act(() => clock.advance(1_000))
  expect(calls).toHaveLength(0)
  expect(clock.pending).toBe(0)
})

it('a null or undefined key reads and fetches nothing; a key given later is fetched', async () => {
  const { cache, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  cache.set(null as never, 'not a key')
  function Reader({ id }: { id: string | null | undefined }) {
    return <span data-testid="v">{show(useCachedAsync(id, fetcher))}</span>
  }
  const view = render(wrap(<Reader id={null} />))
  expect(screen.getByTestId('v').textContent).toBe('pending:undefined:idle')
  view.rerender(wrap(<Reader id={undefined} />))
  expect(calls).toHaveLength(0)
  view.rerender(wrap(<Reader id="a" />))
  expect(calls).toHaveLength(1)
  await act(async () => calls[0]?.resolve(1))
  expect(screen.getByTestId('v').textContent).toBe('success:1:idle')
  view.rerender(wrap(<Reader id={null} />))
  expect(screen.getByTestId('v').textContent).toBe('pending:undefined:idle')
})
