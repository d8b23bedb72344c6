// A set, delete, expire(), persist(), rename() or flush() in one tab shows in every other tab, with
// the same absolute expiration. Expiry needs no message; eviction by maxSize stays in its tab.
import { expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { FakeClock } from '../helpers/fakeClock'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()

/** Tabs whose caches share one clock, as tabs of one browser share the system time. */
const openTabs = (count: number, options: { maxSize?: number } = {}) => {
  const clock = new FakeClock(1_700_000_000_000)
  return { clock, tabs: tabs.open(count, { clock, ...options }) }
}

it('a set in one tab shows in every other tab, with the same absolute expiration', async () => {
  const {
    clock,
    tabs: [a, b, c],
  } = openTabs(3)
  await tabs.bus.drain()
  a?.set('user', { id: 7 }, 60_000)
  a?.set('theme', 'dark')
  await tabs.bus.drain()
  for (const tab of [b, c]) {
    expect(tab?.items()).toEqual([
      ['user', { value: { id: 7 }, expiration: clock.time + 60_000 }],
      ['theme', { value: 'dark', expiration: null }],
    ])
  }
})

it('delete, expire(), persist() and rename() cross with their expirations', async () => {
  const {
    clock,
    tabs: [a, b],
  } = openTabs(2)
  a?.set('x', 1, 10_000)
  a?.set('y', 2, 10_000)
  a?.set('z', 3)
  await tabs.bus.drain()
  a?.expire('x', 30_000)
  a?.persist('y')
  a?.rename('z', 'w')
  await tabs.bus.drain()
  expect(b?.getItem('x')).toEqual({ value: 1, expiration: clock.time + 30_000 })
  expect(b?.getItem('y')).toEqual({ value: 2, expiration: null })
  expect(b?.has('z')).toBe(false)
  expect(b?.getItem('w')).toEqual({ value: 3, expiration: null })
  b?.delete('x')
  await tabs.bus.drain()
  expect(a?.has('x')).toBe(false)
})

it('flush() in one tab empties the others (told to their subscribers)', async () => {
  const {
    tabs: [a, b],
  } = openTabs(2)
  a?.set('x', 1)
  a?.set('y', 2)
  await tabs.bus.drain()
  const heard = vi.fn()
  b?.subscribe('x', heard)
  a?.flush()
  await tabs.bus.drain()
  expect(b?.size).toBe(0)
  expect(heard).toHaveBeenCalledTimes(1)
})

it('a flush also removes entries the other tab held before syncing, and keeps writes made after it', async () => {
  const clock = new FakeClock(1_700_000_000_000)
  const a = new Cache<string, unknown>({ clock })
  const b = new Cache<string, unknown>({ clock })
  b.set('own', 'from before')
  tabs.sync(a)
  tabs.sync(b)
  await tabs.bus.drain()
  a.flush()
  a.set('after', 1)
  await tabs.bus.drain()
  expect(b.keys()).toEqual(['after'])
})

it('expiry sends nothing: each tab expires the entry itself on the same deadline', async () => {
  const {
    clock,
    tabs: [a, b],
  } = openTabs(2)
  a?.set('soon', 1, 1_000)
  await tabs.bus.drain()
  const posted = tabs.bus.posted.length
  clock.advance(1_000)
  await tabs.bus.drain()
  expect(a?.has('soon')).toBe(false)
  expect(b?.has('soon')).toBe(false)
  expect(tabs.bus.posted.length).toBe(posted)
})

it('an entry that expired on the way is not stored, and removes the older entry there', async () => {
  const {
    clock,
    tabs: [a, b],
  } = openTabs(2)
  b?.set('k', 'old')
  await tabs.bus.drain() // a has seen b's write: its own comes after it
  a?.set('k', 'new', 10)
  clock.jump(10)
  await tabs.bus.drain()
  expect(b?.has('k')).toBe(false)
})

it('eviction by maxSize stays in its tab', async () => {
  const {
    tabs: [a, b],
  } = openTabs(2, { maxSize: 2 })
  const big = new Cache<string, unknown>()
  tabs.sync(big)
  a?.set('1', 1)
  a?.set('2', 2)
  await tabs.bus.drain()
  b?.set('3', 3) // b evicts 1 and sends only its own set
  await tabs.bus.drain()
  expect(b?.keys()).toEqual(['2', '3'])
  expect(big.keys()).toEqual(['1', '2', '3'])
})
