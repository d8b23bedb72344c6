// @vitest-environment jsdom
// Bad input: a throwing optimistic rolls back and rejects; a throwing onSuccess, onError,
// onSettled or invalidate is reported on its own (rethrown in a microtask) and the call still
// settles its values.
import { act, render } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { type MutationOptions, type MutationState, useCachedMutation } from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'
import { flushPromises } from '../helpers/deferred'
import { overlayOf } from '../helpers/overlay'

// Errors rethrown in microtasks, caught here instead of failing the run as uncaught.
let reported: unknown[] = []
beforeEach(() => {
  reported = []
  const queue = globalThis.queueMicrotask
  vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) =>
    queue(() => {
      try {
        task()
      } catch (error) {
        reported.push(error)
      }
    }),
  )
})
afterEach(() => {
  vi.restoreAllMocks()
})

const mount = (
  fn: (v: number) => Promise<number>,
  options: MutationOptions<number, number, string, unknown>,
): (() => MutationState<number, number>) => {
  const setup = cacheSetup()
  let state!: MutationState<number, number>
  function Saver() {
    state = useCachedMutation(fn, options as MutationOptions<number, number, unknown, unknown>)
    return null
  }
  render(setup.wrap(<Saver />))
  Object.assign(mount, { cache: setup.cache })
  return () => state
}
const cacheOf = () => (mount as unknown as { cache: ReturnType<typeof cacheSetup>['cache'] }).cache

it('a throwing optimistic rolls back what it wrote, starts no request, and rejects with its error', async () => {
  const fn = vi.fn(async (v: number) => v)
  const onError = vi.fn()
  const state = mount(fn, {
    optimistic: (v, cache) => {
      cache.set('a', v)
      cache.set('b', v)
      throw new Error('bad optimistic')
    },
    onError,
  })
  const cache = cacheOf()
  cache.set('a', 0)
  const told: unknown[] = []
  cache.subscribe('a', () => told.push(cache.getItem('a')?.value))
  let call!: Promise<number>
  act(() => {
    call = state().mutateAsync(1)
  })
  await expect(call).rejects.toThrow('bad optimistic')
  await act(flushPromises)
  expect(fn).not.toHaveBeenCalled()
  expect(cache.items()).toEqual([['a', { value: 0, expiration: null }]])
  expect(cache.isInvalidated('a')).toBe(false)
  // Held, and rolled back before any listener was told: none saw the value it wrote.
  expect(told).not.toContain(1)
  expect(state().status).toBe('error')
  expect((state().error as Error).message).toBe('bad optimistic')
  expect(onError).toHaveBeenCalledTimes(1)
  expect(overlayOf(cache)).toBeUndefined()
})

for (const name of ['onSuccess', 'onSettled', 'invalidate'] as const) {
  it(`a throwing ${name} after a success is reported, and the call still settles`, async () => {
    const state = mount(async (v) => v, {
      optimistic: (v, cache) => cache.set('temp', v),
      onSuccess: (result, _v, cache) => {
        cache.set('saved', result)
        if (name === 'onSuccess') throw new Error(name)
      },
      onSettled: () => {
        if (name === 'onSettled') throw new Error(name)
      },
      invalidate: () => {
        if (name === 'invalidate') throw new Error(name)
        return false
      },
    })
    const cache = cacheOf()
    await act(async () => {
      await state().mutateAsync(5)
    })
    await act(flushPromises)
    expect(reported.map((error) => (error as Error).message)).toEqual([name])
    expect(cache.items()).toEqual([['saved', { value: 5, expiration: null }]])
    expect(state().status).toBe('success')
    expect(overlayOf(cache)).toBeUndefined()
  })
}

it('a throwing onError is reported, and the rollback still happens', async () => {
  const state = mount(async () => Promise.reject(new Error('refused')), {
    optimistic: (v, cache) => cache.set('a', v),
    onError: () => {
      throw new Error('onError')
    },
  })
  const cache = cacheOf()
  await act(async () => state().mutate(1))
  await act(flushPromises)
  expect(reported.map((error) => (error as Error).message)).toEqual(['onError'])
  expect(cache.has('a')).toBe(false)
  expect((state().error as Error).message).toBe('refused')
})
