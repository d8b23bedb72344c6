// @vitest-environment jsdom
// cache.invalidate reaches readers: an async reader refetches in the background once per key, a
// key with no reader waits for one, useCachedValue computes again.
import { act, render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useCachedAsync, useCachedValue, useSuspenseCachedValue } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher } from '../helpers/deferred'

it('every mounted async reader of a marked key keeps its data while one background request runs', async () => {
  const { cache, renders, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  function Reader({ k, i }: { k: string; i: number }) {
    const state = useCachedAsync(k, fetcher)
    renders.hit(`${k}${i}`)
    return <span data-testid={`${k}${i}`}>{show(state)}</span>
  }
  render(wrap(['a', 'b'].flatMap((k) => [0, 1, 2].map((i) => <Reader key={`${k}${i}`} k={k} i={i} />))))
  await act(async () => {
    calls[0]?.resolve('a1')
    calls[1]?.resolve('b1')
  })
  renders.reset()
  let marked = 0
  act(() => {
    marked = cache.invalidate((key) => key === 'a')
  })
  expect(marked).toBe(1)
  expect(calls).toHaveLength(3)
  expect(screen.getByTestId('a0').textContent).toBe('success:a1:fetching:stale')
  expect(screen.getByTestId('b0').textContent).toBe('success:b1:idle')
  expect(renders.of('b0')).toBe(0)
  await act(async () => calls[2]?.resolve('a2'))
  for (const i of [0, 1, 2]) expect(screen.getByTestId(`a${i}`).textContent).toBe('success:a2:idle')
  expect(cache.isInvalidated('a')).toBe(false)
  expect(calls).toHaveLength(3)
})

it('a marked key with no reader is refetched when a reader mounts, with the stale value on screen', async () => {
  const { cache, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  cache.set('k', 'old')
  cache.invalidate()
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher))}</span>
  }
  render(wrap(<Reader />))
  expect(calls).toHaveLength(1)
  expect(screen.getByTestId('v').textContent).toBe('success:old:fetching:stale')
  await act(async () => calls[0]?.resolve('new'))
  expect(screen.getByTestId('v').textContent).toBe('success:new:idle')
})

it('an invalidation while a background request is in flight starts a newer one; the older response is dropped', async () => {
  const { cache, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  cache.set('k', 'v0')
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher))}</span>
  }
  render(wrap(<Reader />))
  act(() => {
    cache.invalidate('k')
  })
  act(() => {
    cache.invalidate('k')
  })
  expect(calls).toHaveLength(2)
  expect(calls[0]?.signal.aborted).toBe(true)
  await act(async () => calls[0]?.resolve('old'))
  expect(screen.getByTestId('v').textContent).toBe('success:v0:fetching:stale')
  await act(async () => calls[1]?.resolve('new'))
  expect(screen.getByTestId('v').textContent).toBe('success:new:idle')
})

it('a mounted useCachedValue reader of a marked key re-renders and computes it again, once', () => {
  const { cache, renders, wrap } = cacheSetup()
  let computed = 0
  function Reader({ i }: { i: number }) {
    const value = useCachedValue('k', () => ++computed)
    renders.hit(`r${i}`)
    return <span data-testid={`r${i}`}>{value}</span>
  }
  render(wrap([0, 1].map((i) => <Reader key={i} i={i} />)))
  expect(computed).toBe(1)
  act(() => {
    cache.invalidate('k')
  })
  expect(computed).toBe(2)
  expect(screen.getByTestId('r0').textContent).toBe('2')
  expect(screen.getByTestId('r1').textContent).toBe('2')
  expect(cache.isInvalidated('k')).toBe(false)
})

it('a suspending reader of a marked key refetches in the background without suspending', async () => {
  const { cache, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  cache.set('k', 'old')
  function Reader() {
    return <span data-testid="v">{useSuspenseCachedValue('k', fetcher)}</span>
  }
  render(wrap(<Reader />))
  act(() => {
    cache.invalidate('k')
  })
  expect(calls).toHaveLength(1)
  expect(screen.getByTestId('v').textContent).toBe('old')
  await act(async () => calls[0]?.resolve('new'))
  expect(screen.getByTestId('v').textContent).toBe('new')
})
