// Pending Promises are never sent; the fulfilled value is sent when it arrives (with the TTL the
// cache gives it then), and a rejected one never is.
import { expect, it } from 'vitest'
import type { Cache } from '../../src/core/index'
import { deferred, flushPromises } from '../helpers/deferred'
import { FakeClock } from '../helpers/fakeClock'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()
const clock = new FakeClock(1_700_000_000_000)

const openTabs = () => tabs.open(2, { clock }) as [Cache<string, unknown>, Cache<string, unknown>]

const changeMessages = () => tabs.bus.pocheMessages.filter((message) => Array.isArray(message.changes) && !message.to)

it('a pending Promise is not sent, and does not wipe the value the other tab shows', async () => {
  const [a, b] = openTabs()
  a.set('user', 'old data')
  await tabs.bus.drain()
  const request = deferred<string>()
  a.getOrCompute('other', () => request.promise, 5_000)
  a.set('user', request.promise)
  await tabs.bus.drain()
  expect(changeMessages()).toHaveLength(1)
  expect(b.get('user')).toBe('old data')
  expect(b.has('other')).toBe(false)
  expect(JSON.stringify(tabs.bus.posted)).not.toContain('then')
})

it('the fulfilled value is sent once when it arrives, with the TTL counted from then', async () => {
  const [a, b] = openTabs()
  const request = deferred<number>()
  a.getOrCompute('answer', () => request.promise, 5_000)
  await tabs.bus.drain()
  clock.jump(1_000)
  request.resolve(42)
  await flushPromises()
  await tabs.bus.drain()
  expect(b.getItem('answer')).toEqual({ value: 42, expiration: clock.time + 5_000 })
  expect(changeMessages()).toHaveLength(1)
})

it('a Promise stored with set() is sent as its value once it fulfils', async () => {
  const [a, b] = openTabs()
  const request = deferred<string>()
  a.set('p', request.promise, 60_000)
  request.resolve('done')
  await flushPromises()
  await tabs.bus.drain()
  expect(b.get('p')).toBe('done')
})

it('a rejected Promise is never sent; getOrCompute removing it is a delete', async () => {
  const [a, b] = openTabs()
  b.set('k', 'theirs')
  await tabs.bus.drain()
  const request = deferred<number>()
  a.getOrCompute('fresh', () => request.promise, 5_000)
  request.reject(new Error('offline'))
  await flushPromises()
  await tabs.bus.drain()
  expect(b.has('fresh')).toBe(false)
  expect(b.get('k')).toBe('theirs')
  expect(JSON.stringify(changeMessages())).not.toContain('offline')
})

it('a Promise replaced before it fulfils sends only the replacement', async () => {
  const [a, b] = openTabs()
  const request = deferred<number>()
  a.getOrCompute('k', () => request.promise, 5_000)
  a.set('k', 7)
  request.resolve(1)
  await flushPromises()
  await tabs.bus.drain()
  expect(b.get('k')).toBe(7)
  expect(changeMessages()).toHaveLength(1)
})
