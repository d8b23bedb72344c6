// A tab opened later asks its peers and receives their live entries, with their expirations;
// pending Promises and object keys are left out of the answer, and entries it wrote meanwhile win.
import { expect, it } from 'vitest'
import { Cache } from '../../src/core/index'
import { deferred } from '../helpers/deferred'
import { FakeClock } from '../helpers/fakeClock'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()
const clock = new FakeClock(1_700_000_000_000)

const openTab = () => tabs.sync(new Cache<unknown, unknown>({ clock }))

it('a tab opened later receives the live entries of the others, each with its expiration', async () => {
  const first = openTab()
  first.set('user', { id: 7 }, 60_000)
  first.set('theme', 'dark')
  first.set(1, 'one')
  await tabs.bus.drain()
  const late = openTab()
  expect(late.size).toBe(0)
  await tabs.bus.drain()
  expect(late.items()).toEqual(first.items())
  expect(late.getItem('user')?.expiration).toBe(clock.time + 60_000)
})

it('entries the peers held before they started syncing are sent too', async () => {
  const first = new Cache<string, unknown>({ clock })
  first.set('restored', 'from storage')
  tabs.sync(first)
  const late = openTab()
  await tabs.bus.drain()
  expect(late.get('restored')).toBe('from storage')
})

it('with several peers, every one answers and the late tab ends with the newest entry of each key', async () => {
  const a = openTab()
  const b = openTab()
  a.set('x', 'first')
  await tabs.bus.drain()
  b.set('x', 'second')
  b.set('y', 'only b')
  await tabs.bus.drain()
  const late = openTab()
  await tabs.bus.drain()
  expect(late.get('x')).toBe('second')
  expect(late.get('y')).toBe('only b')
  const answers = tabs.bus.pocheMessages.filter((message) => message.to !== undefined && message.to !== null)
  expect(answers.length).toBeGreaterThanOrEqual(2)
})

it('a write the late tab makes before the answers arrive wins over the peers’ older entry', async () => {
  const first = openTab()
  first.set('draft', 'old')
  await tabs.bus.drain()
  // A person opens the tab and types: at least a millisecond after the other tab's write.
  await new Promise((resolve) => setTimeout(resolve, 2))
  const late = openTab()
  late.set('draft', 'new')
  await tabs.bus.drain()
  expect(late.get('draft')).toBe('new')
  expect(first.get('draft')).toBe('new')
})

it('an entry the late tab held before it started counts as older than the peers’ one', async () => {
  const first = openTab()
  first.set('k', 'peer')
  await tabs.bus.drain()
  const late = new Cache<string, unknown>({ clock })
  late.set('k', 'stale')
  tabs.sync(late)
  await tabs.bus.drain()
  expect(late.get('k')).toBe('peer')
  expect(first.get('k')).toBe('peer')
})

it('pending Promises, rejected ones and object keys are left out of the answer', async () => {
  const first = openTab()
  const pending = deferred<number>()
  first.getOrCompute('loading', () => pending.promise, 5_000)
  first.set('failed', Promise.reject(new Error('no')))
  first.set({ an: 'object' }, 'local only')
  first.set('plain', 1)
  await tabs.bus.drain()
  const late = openTab()
  await tabs.bus.drain()
  expect(late.keys()).toEqual(['plain'])
})

it('a fulfilled Promise is sent as its value', async () => {
  const first = openTab()
  first.getOrCompute('done', () => Promise.resolve(42), 5_000)
  await tabs.bus.drain()
  const late = openTab()
  await tabs.bus.drain()
  expect(late.get('done')).toBe(42)
  expect(late.getItem('done')?.expiration).toBe(first.getItem('done')?.expiration)
})
