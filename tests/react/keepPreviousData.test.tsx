// @vitest-environment jsdom
// keepPreviousData: on a key change, the previous key's data stays on screen until the new key's
// value arrives, and isPreviousData says so.
import { act, render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useCachedAsync } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher } from '../helpers/deferred'

it('shows the previous page until the next one arrives, then only its own data', async () => {
  const { renders, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  const seen: string[] = []
  function List({ page }: { page: number }) {
    const state = useCachedAsync(`page:${page}`, fetcher, { keepPreviousData: true })
    renders.hit('list')
    seen.push(show(state))
    return <span data-testid="v">{show(state)}</span>
  }
  const view = render(wrap(<List page={1} />))
  await act(async () => calls[0]?.resolve('one'))
  view.rerender(wrap(<List page={2} />))
  expect(screen.getByTestId('v').textContent).toBe('pending:one:fetching:previous')
  // A third key before the second arrived: still the last data that arrived.
  view.rerender(wrap(<List page={3} />))
  expect(screen.getByTestId('v').textContent).toBe('pending:one:fetching:previous')
  await act(async () => calls[2]?.resolve('three'))
  expect(screen.getByTestId('v').textContent).toBe('success:three:idle')
  expect(seen).toEqual([
    'pending:undefined:fetching',
    'success:one:idle',
    'pending:one:fetching:previous',
    'pending:one:fetching:previous',
    'success:three:idle',
  ])
  await act(async () => calls[1]?.resolve('two'))
})

it('without it, a key change starts from nothing', async () => {
  const { wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  function List({ page }: { page: number }) {
    return <span data-testid="v">{show(useCachedAsync(`page:${page}`, fetcher))}</span>
  }
  const view = render(wrap(<List page={1} />))
  await act(async () => calls[0]?.resolve('one'))
  view.rerender(wrap(<List page={2} />))
  expect(screen.getByTestId('v').textContent).toBe('pending:undefined:fetching')
  await act(async () => calls[1]?.resolve('two'))
})

it('a new key whose request fails shows the error, with the previous data still there', async () => {
  const { wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  function List({ page }: { page: number }) {
    return (
      <span data-testid="v">
        {show(useCachedAsync(`page:${page}`, fetcher, { keepPreviousData: true, retry: false }))}
      </span>
    )
  }
  const view = render(wrap(<List page={1} />))
  await act(async () => calls[0]?.resolve('one'))
  view.rerender(wrap(<List page={2} />))
  await act(async () => calls[1]?.reject(new Error('404')))
  expect(screen.getByTestId('v').textContent).toBe('error:one:idle:previous:failures=1:404')
})
