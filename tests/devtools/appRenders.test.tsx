// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { CacheDevtools } from '../../src/devtools/index'
import { Cache, CacheProvider, useCachedValue, useCacheItem } from '../../src/index'
import { RenderCounter } from '../helpers/renderCounter'
import { advance, change, expandButton, fakeTime, labelled, settle, type } from './panel'

beforeEach(fakeTime)
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

it("the panel's own re-renders never re-render the app's components", async () => {
  const cache = new Cache<string, unknown>()
  cache.set('session', 'token')
  const renders = new RenderCounter()
  function Price() {
    renders.hit('price')
    return <span>{String(useCachedValue('price', () => 10, 60_000))}</span>
  }
  function Session() {
    renders.hit('session')
    return <span>{String(useCacheItem('session')?.value)}</span>
  }
  render(
    <CacheProvider cache={cache}>
      <Price />
      <Session />
      <CacheDevtools initialIsOpen />
    </CacheProvider>,
  )
  await settle()
  const before = [renders.of('price'), renders.of('session')]

  // Typing in the filter and the seconds field, expanding, paging the log, pausing it.
  type(labelled('Filter keys'), 'pri')
  type(labelled('Filter keys'), '')
  type(labelled('Expire in seconds'), '9')
  fireEvent.click(expandButton('price'))
  fireEvent.click(labelled('Edit price'))
  fireEvent.click(labelled('Pause log'))
  fireEvent.click(labelled('Pause log'))
  // Events for other keys, their expiry, and seconds of bar frames and polls.
  await change(() => {
    for (let i = 0; i < 300; i++) cache.set(`other:${i}`, i, i < 20 ? 3_000 : undefined)
  })
  await advance(5_000)
  await change(() => cache.flush())
  await advance(1_000)
  // The flush removed the app's entries, so they re-render once for that; nothing else did.
  expect([renders.of('price'), renders.of('session')]).toEqual([before[0] + 1, before[1] + 1])
  // Closing and opening the panel re-renders nothing of the app either.
  fireEvent.click(labelled('poche devtools'))
  fireEvent.click(labelled('poche devtools'))
  await advance(2_000)
  expect([renders.of('price'), renders.of('session')]).toEqual([before[0] + 1, before[1] + 1])
})

it("the panel's actions re-render only the readers of the key they change", async () => {
  const cache = new Cache<string, unknown>()
  const renders = new RenderCounter()
  function Reader({ k }: { k: string }) {
    renders.hit(k)
    return <span>{String(useCacheItem(k)?.value)}</span>
  }
  cache.set('a', 1, 10_000)
  cache.set('b', 2, 10_000)
  render(
    <CacheProvider cache={cache}>
      <Reader k="a" />
      <Reader k="b" />
      <CacheDevtools initialIsOpen />
    </CacheProvider>,
  )
  await settle()
  fireEvent.click(labelled('Persist a'))
  await settle()
  expect([renders.of('a'), renders.of('b')]).toEqual([2, 1])
})
