// @vitest-environment jsdom
// React DevTools shows what a hook passes to useDebugValue beside it: every poche hook passes its
// key and status. React calls useDebugValue for nothing else, so it is observed here by a spy.
import { act, render } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, expect, it, vi } from 'vitest'
import { useCachedAsync, useCachedValue, useCacheItem, useCacheKeys, useSuspenseCachedValue } from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'
import { deferred } from '../helpers/deferred'

const shown = vi.hoisted(() => [] as unknown[])
vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof import('react')>()
  return {
    ...react,
    useDebugValue: (value: unknown, format?: (value: unknown) => unknown) => {
      shown.push(format ? format(value) : value)
    },
  }
})

afterEach(() => {
  shown.length = 0
})

it('useCacheItem shows its key and whether it holds an entry', () => {
  const { cache, wrap } = cacheSetup()
  cache.set('a', 1)
  function Reader() {
    useCacheItem('a')
    useCacheItem('b')
    return null
  }
  render(wrap(<Reader />))
  expect(shown).toContainEqual({ key: 'a', status: 'hit' })
  expect(shown).toContainEqual({ key: 'b', status: 'miss' })
})

it('useCachedValue shows its key, and useCacheKeys how many keys it returned', () => {
  const { wrap } = cacheSetup()
  function Reader() {
    useCachedValue('a', () => 1)
    useCacheKeys()
    return null
  }
  render(wrap(<Reader />))
  expect(shown).toContainEqual({ key: 'a' })
  expect(shown).toContainEqual({ keys: 1 })
})

it('useCachedAsync shows its key, status and whether it is fetching', async () => {
  const { wrap } = cacheSetup()
  const request = deferred<number>()
  function Reader() {
    useCachedAsync('a', () => request.promise)
    return null
  }
  render(wrap(<Reader />))
  expect(shown.at(-1)).toEqual({ key: 'a', status: 'pending', isFetching: true })
  await act(async () => request.resolve(1))
  expect(shown.at(-1)).toEqual({ key: 'a', status: 'success', isFetching: false })
})

it('useSuspenseCachedValue shows its key and status once its value is there', async () => {
  const { wrap } = cacheSetup()
  const request = deferred<number>()
  function Reader() {
    useSuspenseCachedValue('a', () => request.promise)
    return null
  }
  render(wrap(<Suspense fallback={null}>{<Reader />}</Suspense>))
  expect(shown.at(-1)).toEqual({ key: 'a', status: 'pending' })
  await act(async () => request.resolve(1))
  expect(shown.at(-1)).toEqual({ key: 'a', status: 'success' })
})
