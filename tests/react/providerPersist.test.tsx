// @vitest-environment jsdom
// <CacheProvider persist syncTabs>: stored entries in the first render of a client-only app, right
// after hydration of server HTML (with no mismatch), pending writes kept on unmount, and every
// attachment stopped as often as it started (StrictMode included).
import { act, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { Cache, CacheProvider, useCache, useCacheItem } from '../../src/index'
import { persistCache } from '../../src/persist/index'
import { FakeStorage } from '../persist/fakes'

/** A storage holding the record of a cache with `entries` (each kept for a minute). */
function storageWith(entries: [string, unknown][]): FakeStorage {
  const storage = new FakeStorage()
  const cache = new Cache<string, unknown>()
  const persistence = persistCache(cache, { name: 'app', storage })
  for (const [key, value] of entries) cache.set(key, value, 60_000)
  persistence.flush()
  persistence.stop()
  return storage
}

const persistTo = (storage: FakeStorage) => (cache: Cache<string, unknown>) =>
  persistCache(cache, { name: 'app', storage })

function greeting(seen: string[]) {
  return function Greeting() {
    const value = useCacheItem<string>('greeting')?.value ?? '-'
    seen.push(value)
    return <p>{value}</p>
  }
}

it('in a client-only app, the stored entries are in the first render', () => {
  const storage = storageWith([['greeting', 'hi']])
  const seen: string[] = []
  const Greeting = greeting(seen)
  const { container } = render(
    <CacheProvider persist={persistTo(storage)}>
      <Greeting />
    </CacheProvider>,
  )
  expect(seen).toEqual(['hi'])
  expect(container.textContent).toBe('hi')
})

it('when hydrating server HTML, the first render matches it and the stored entries show right after', async () => {
  const storage = storageWith([['greeting', 'hi']])
  const seen: string[] = []
  const Greeting = greeting(seen)
  const app = (
    <CacheProvider persist={persistTo(storage)}>
      <Greeting />
    </CacheProvider>
  )
  const container = document.body.appendChild(document.createElement('div'))
  container.innerHTML = renderToString(app)
  expect(container.textContent).toBe('-')
  const recoverable: unknown[] = []
  await act(async () => {
    hydrateRoot(container, app, { onRecoverableError: (error) => recoverable.push(error) })
  })
  // The server's render, the hydration render (as the server's), then the stored entry.
  expect(seen).toEqual(['-', '-', 'hi'])
  expect(recoverable).toEqual([])
  expect(container.textContent).toBe('hi')
})

it('unmounting writes the pending changes, then writes nothing more', () => {
  const storage = new FakeStorage()
  let cache: Cache<string, unknown> | undefined
  function Grab() {
    cache = useCache<string, unknown>()
    return null
  }
  const persist = (c: Cache<string, unknown>) => persistCache(c, { name: 'app', storage, throttle: 60_000 })
  const { unmount } = render(
    <CacheProvider persist={persist}>
      <Grab />
    </CacheProvider>,
  )
  act(() => cache?.set('saved', 1, 60_000))
  unmount()
  expect(storage.record().snapshot.entries.map(([key, value]) => [key, value])).toEqual([['saved', 1]])
  const writes = storage.setCalls
  cache?.set('later', 2, 60_000)
  expect(storage.setCalls).toBe(writes)
})

it('each attachment is stopped as often as it is started, under StrictMode too', () => {
  const log: string[] = []
  const attach = (name: string) => () => {
    log.push(`start ${name}`)
    return { flush: () => log.push(`flush ${name}`), stop: () => log.push(`stop ${name}`) }
  }
  const sync = () => {
    log.push('start sync')
    return () => log.push('stop sync')
  }
  const { unmount } = render(
    <StrictMode>
      <CacheProvider persist={attach('persist')} syncTabs={sync}>
        <p>app</p>
      </CacheProvider>
    </StrictMode>,
  )
  unmount()
  const count = (entry: string) => log.filter((line) => line === entry).length
  expect(count('start sync')).toBe(count('stop sync'))
  expect(count('start persist')).toBe(count('stop persist'))
  expect(count('start sync')).toBeGreaterThan(0)
  // The last thing done to the persistence that stays: its pending writes flushed, then stopped.
  expect(log.slice(-3)).toEqual(['flush persist', 'stop persist', 'stop sync'])
})

it('a cache given with `cache` is not attached to: only a cache the provider makes is', () => {
  const started: string[] = []
  const attach = (name: string) => () => {
    started.push(name)
    return () => {}
  }
  const cache = new Cache()
  render(
    <CacheProvider cache={cache} persist={attach('persist')} syncTabs={attach('sync')}>
      <p>app</p>
    </CacheProvider>,
  )
  expect(started).toEqual([])
})
