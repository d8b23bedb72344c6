// @vitest-environment jsdom
// staleTime: a softer line inside the TTL. A stale value stays on screen; a trigger (here a reader
// mounting) fetches it again in the background, once per key.
import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { expect, it } from 'vitest'
import { type AsyncState, useCachedAsync } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher } from '../helpers/deferred'

it('a value is fresh until staleTime, then stale (still shown); a reader mounting then refetches it in the background, once', async () => {
  const { cache, clock, renders, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  let more!: (n: number) => void
  function Reader({ name }: { name: string }) {
    const state = useCachedAsync('k', fetcher, { ttl: 10_000, staleTime: 1_000 })
    renders.hit(name)
    return <span data-testid={name}>{show(state)}</span>
  }
  function Page() {
    const [count, setCount] = useState(1)
    more = setCount
    return ['r0', 'r1', 'r2', 'r3'].slice(0, count).map((name) => <Reader key={name} name={name} />)
  }
  render(wrap(<Page />))
  await act(async () => calls[0]?.resolve(1))
  expect(screen.getByTestId('r0').textContent).toBe('success:1:idle')
  act(() => clock.advance(999))
  act(() => more(2))
  expect(calls).toHaveLength(1)
  expect(screen.getByTestId('r1').textContent).toBe('success:1:idle')
  act(() => clock.advance(1))
  act(() => more(4))
  // Two readers mounted on a stale key: one background request; the data stays on screen.
  expect(calls).toHaveLength(2)
  expect(screen.getByTestId('r2').textContent).toBe('success:1:fetching:stale')
  expect(screen.getByTestId('r0').textContent).toBe('success:1:fetching:stale')
  expect(cache.has('k')).toBe(true)
  renders.reset()
  await act(async () => calls[1]?.resolve(2))
  for (const name of ['r0', 'r1', 'r2', 'r3']) {
    expect(screen.getByTestId(name).textContent).toBe('success:2:idle')
    // The new value and the end of the fetch in one render.
    expect(renders.of(name)).toBe(1)
  }
  expect(cache.getItem('k')?.expiration).toBe(clock.time + 10_000)
})

it('staleTime 0: every reader mounting refetches; by default a value is fresh until it expires', async () => {
  const { clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  let state: AsyncState<number> | undefined
  function Zero() {
    state = useCachedAsync('zero', fetcher, { staleTime: 0 })
    return null
  }
  function Default() {
    useCachedAsync('default', fetcher, 60_000)
    return null
  }
  const zero = render(wrap(<Zero />))
  await act(async () => calls[0]?.resolve(1))
  expect(state?.isStale).toBe(true)
  zero.unmount()
  render(wrap(<Zero />))
  expect(calls).toHaveLength(2)
  await act(async () => calls[1]?.resolve(2))
  const first = render(wrap(<Default />))
  await act(async () => calls[2]?.resolve(3))
  act(() => clock.advance(59_999))
  first.unmount()
  render(wrap(<Default />))
  expect(calls).toHaveLength(3)
})
