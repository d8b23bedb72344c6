// @vitest-environment jsdom
// One of each, at scale: 1,000 readers on 200 keys make 200 requests on one return to the page,
// and the page holds one listener of each kind for all of them, none once nothing is mounted.
import { act, render } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { CacheProvider, useCachedAsync } from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'
import { fakePage } from '../helpers/page'

let page: ReturnType<typeof fakePage>
afterEach(() => {
  page.restore()
  vi.restoreAllMocks()
})

const KEYS = Array.from({ length: 200 }, (_, i) => `key${i}`)

const countListeners = () => {
  const live = new Map<string, number>()
  for (const target of [window, document]) {
    const add = target.addEventListener.bind(target)
    const remove = target.removeEventListener.bind(target)
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      live.set(type, (live.get(type) ?? 0) + 1)
      add(type, listener, options)
    })
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
      live.set(type, (live.get(type) ?? 0) - 1)
      remove(type, listener, options)
    })
  }
  return (type: string) => live.get(type) ?? 0
}

it('1,000 readers on 200 stale keys: one return makes 200 requests, one online 200 more; one listener of each kind', async () => {
  page = fakePage()
  const listeners = countListeners()
  const { cache, wrap } = cacheSetup()
  const { cache: other } = cacheSetup()
  const requests: string[] = []
  const fetcher = (key: string) => async () => {
    requests.push(key)
    return key
  }
  function Reader({ k }: { k: string }) {
    useCachedAsync(k, fetcher(k), { staleTime: 0 })
    return null
  }
  const readers = KEYS.flatMap((k) => [0, 1, 2, 3, 4].map((i) => <Reader key={`${k}/${i}`} k={k} />))
  for (const k of KEYS) cache.set(k, 'cached')
  other.set('elsewhere', 'cached')
  const view = render(
    <>
      {wrap(readers)}
      <CacheProvider cache={other}>
        <Reader k="elsewhere" />
      </CacheProvider>
    </>,
  )
  // Mounting on stale keys fetched each once.
  await act(async () => {})
  expect(requests).toHaveLength(201)
  requests.length = 0
  for (const type of ['visibilitychange', 'focus', 'online']) expect(listeners(type)).toBe(1)
  await page.leaveAndReturn()
  await act(async () => {})
  expect(requests).toHaveLength(201)
  expect(new Set(requests).size).toBe(201)
  requests.length = 0
  await page.offline()
  await page.online()
  await act(async () => {})
  expect(requests).toHaveLength(201)
  view.unmount()
  for (const type of ['visibilitychange', 'focus', 'blur', 'online', 'offline']) expect(listeners(type)).toBe(0)
})

it('a reader with refetchOnReconnect: false is not refetched on online', async () => {
  page = fakePage()
  const { cache, wrap } = cacheSetup()
  cache.set('k', 1)
  let requests = 0
  function Reader() {
    useCachedAsync('k', async () => ++requests, { staleTime: 0, refetchOnReconnect: false })
    return null
  }
  render(wrap(<Reader />))
  await act(async () => {})
  expect(requests).toBe(1)
  await page.online()
  await act(async () => {})
  expect(requests).toBe(1)
})
