// @vitest-environment jsdom
// The third argument of the async hooks: a number is still { ttl }, an object is checked.
import { act, render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useCachedAsync, useSuspenseCachedValue } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher } from '../helpers/deferred'

it('a number as the third argument means { ttl }', async () => {
  const { cache, clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher, 1_000))}</span>
  }
  render(wrap(<Reader />))
  await act(async () => calls[0]?.resolve(1))
  expect(cache.getItem('k')?.expiration).toBe(clock.time + 1_000)
  expect(screen.getByTestId('v').textContent).toBe('success:1:idle')
})

it('an options object gives the ttl the same way', async () => {
  const { cache, clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  function Reader() {
    return <span>{show(useCachedAsync('k', fetcher, { ttl: 2_000 }))}</span>
  }
  render(wrap(<Reader />))
  await act(async () => calls[0]?.resolve(1))
  expect(cache.getItem('k')?.expiration).toBe(clock.time + 2_000)
})

it.each([
  [{ staleTime: -1 }, RangeError, /options.staleTime must be >= 0 ms, got -1/],
  [{ staleTime: '5' }, TypeError, /options.staleTime must be a number of ms, got "5"/],
  [{ ttl: 0 }, RangeError, /options.ttl/],
  [{ retry: 1.5 }, RangeError, /options.retry must be a whole number >= 0, got 1.5/],
  [{ retry: 'yes' }, TypeError, /options.retry/],
  [{ retryDelay: -5 }, RangeError, /options.retryDelay/],
  [{ refetchInterval: 0 }, RangeError, /options.refetchInterval must be > 0 ms, got 0/],
  [{ enabled: 'no' }, TypeError, /options.enabled must be a boolean, got "no"/],
  [{ keepPreviousData: 1 }, TypeError, /options.keepPreviousData/],
  [-1, RangeError, /ttl/],
])('refuses %o with a %s naming it, and fetches nothing', (options, Type, message) => {
  const { cache, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<number>()
  let caught: unknown
  function Reader() {
    try {
      // biome-ignore lint/correctness/useHookAtTopLevel: the test catches what the hook throws.
      useCachedAsync('k', fetcher, options as never)
    } catch (error) {
      caught = error
    }
    return null
  }
  render(wrap(<Reader />))
  expect(caught).toBeInstanceOf(Type)
  expect(String(caught)).toMatch(message)
  expect(calls).toHaveLength(0)
  expect(cache.size).toBe(0)
  caught = undefined
  function Suspending() {
    try {
      // biome-ignore lint/correctness/useHookAtTopLevel: the test catches what the hook throws.
      useSuspenseCachedValue('k', fetcher, options as never)
    } catch (error) {
      caught = error
    }
    return null
  }
  render(wrap(<Suspending />))
  expect(caught).toBeInstanceOf(Type)
})
