// A stored record that cannot be parsed, is not a snapshot, or has another version (without
// migrate) is reported once and changes nothing in the cache; migrate can convert or drop it.
import { expect, it, vi } from 'vitest'
import { Cache, type CacheSnapshot } from '../../src/core/index'
import { persistCache } from '../../src/persist/index'
import { FakeStorage, recordConsoleErrors } from './fakes'
import { setUpFakeTimers } from './pages'

setUpFakeTimers()

/** A cache holding one entry of its own, persisted to a storage whose record is `text`. */
const openWith = (text: string, options: { version?: number; migrate?: never } = {}) => {
  const storage = new FakeStorage()
  storage.data.set('app', text)
  const onError = vi.fn()
  const cache = new Cache<string, unknown>()
  cache.set('mine', 1)
  const persistence = persistCache(cache, { name: 'app', storage, onError, ...options })
  return { storage, onError, cache, persistence }
}

const mineOnly = [['mine', { value: 1, expiration: null }]]

it.each([
  ['not JSON', '{"version":0,', SyntaxError],
  ['JSON but not a record', '"hello"', TypeError],
  ['a record without a snapshot', '{"version":0}', TypeError],
  ['a snapshot of another format version', '{"version":0,"snapshot":{"version":2,"entries":[]}}', TypeError],
  ['entries that are not an array', '{"version":0,"snapshot":{"version":1,"entries":{}}}', TypeError],
  [
    'one bad entry among good ones',
    '{"version":0,"snapshot":{"version":1,"entries":[["good",1,null],["bad",2,"soon"]]}}',
    TypeError,
  ],
])('a record that is %s is reported once and changes nothing', (_, text, type) => {
  const { onError, cache, persistence } = openWith(text)
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(type)
  expect(cache.items()).toEqual(mineOnly)
  persistence.hydrate()
  expect(onError).toHaveBeenCalledTimes(1)
})

it('a corrupt record stays until the next change replaces it', () => {
  const { storage, cache } = openWith('{nope')
  vi.advanceTimersByTime(1_000)
  expect(storage.data.get('app')).toBe('{nope')
  cache.set('next', 2)
  vi.advanceTimersByTime(1_000)
  expect(storage.record().snapshot.entries).toEqual([
    ['mine', 1, null],
    ['next', 2, null],
  ])
})

it('a record of another version is reported once without migrate, and not read', () => {
  const { onError, cache, storage } = openWith('{"version":1,"snapshot":{"version":1,"entries":[["old",1,null]]}}', {
    version: 2,
  })
  expect(onError).toHaveBeenCalledTimes(1)
  expect(String(onError.mock.calls[0]?.[0])).toMatch(/version 1.*2/)
  expect(cache.items()).toEqual(mineOnly)
  expect(storage.data.get('app')).toContain('"old"')
})

it('migrate turns a record of another version into this one, which the next write stores', () => {
  const storage = new FakeStorage()
  storage.data.set('app', '{"version":1,"snapshot":{"version":1,"entries":[["name","Ada",null]]}}')
  const migrate = vi.fn(
    (snapshot: CacheSnapshot<unknown, unknown>): CacheSnapshot<string, unknown> => ({
      version: 1,
      entries: snapshot.entries.map(([key, value, expiration]) => [String(key), { first: value }, expiration]),
    }),
  )
  const cache = new Cache<string, unknown>()
  persistCache(cache, { name: 'app', storage, version: 2, migrate })
  expect(migrate).toHaveBeenCalledWith({ version: 1, entries: [['name', 'Ada', null]] }, 1)
  expect(cache.get('name')).toEqual({ first: 'Ada' })
  vi.advanceTimersByTime(1_000)
  expect(storage.record()).toEqual({
    version: 2,
    snapshot: { version: 1, entries: [['name', { first: 'Ada' }, null]] },
  })
})

it('migrate returning undefined drops the record: removed from storage, nothing restored, nothing reported', () => {
  const storage = new FakeStorage()
  storage.data.set('app', '{"version":1,"snapshot":{"version":1,"entries":[["old",1,null]]}}')
  const onError = vi.fn()
  const cache = new Cache<string, unknown>()
  persistCache(cache, { name: 'app', storage, version: 2, migrate: () => undefined, onError })
  expect(cache.size).toBe(0)
  expect(storage.data.has('app')).toBe(false)
  expect(onError).not.toHaveBeenCalled()
})

it('migrate throwing, or returning something that is not a snapshot, is reported once and changes nothing', () => {
  for (const migrate of [
    () => {
      throw new Error('cannot migrate')
    },
    () => ({ entries: 'no' }) as unknown as CacheSnapshot<string, unknown>,
  ]) {
    const storage = new FakeStorage()
    storage.data.set('app', '{"version":1,"snapshot":{"version":1,"entries":[["old",1,null]]}}')
    const onError = vi.fn()
    const cache = new Cache<string, unknown>()
    persistCache(cache, { name: 'app', storage, version: 2, migrate, onError })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(cache.size).toBe(0)
  }
})

it('without onError, a corrupt record goes to console.error once', () => {
  const calls = recordConsoleErrors()
  const storage = new FakeStorage()
  storage.data.set('app', '{nope')
  const cache = new Cache<string, unknown>()
  const persistence = persistCache(cache, { name: 'app', storage })
  persistence.hydrate()
  expect(calls).toHaveLength(1)
  expect(calls[0]?.[1]).toBeInstanceOf(SyntaxError)
})
