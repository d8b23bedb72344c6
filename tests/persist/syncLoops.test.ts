// A change applied from a message is never broadcast again: one write costs one message however
// many tabs listen, also when the receiving cache holds its notifications.
import { expect, it } from 'vitest'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()

/** Messages that carry changes or flushes (not the hello of a starting tab, nor its answers). */
const writes = () => tabs.bus.pocheMessages.filter((message) => !message.hello && message.to === undefined)

it('each write is one message in all, whatever its kind, with four tabs listening', async () => {
  const [a, b, c, d] = tabs.open(4)
  await tabs.bus.drain()
  a?.set('x', 1, 60_000)
  await tabs.bus.drain()
  expect(writes()).toHaveLength(1)
  b?.expire('x', 5_000)
  await tabs.bus.drain()
  c?.persist('x')
  await tabs.bus.drain()
  d?.rename('x', 'y')
  await tabs.bus.drain()
  a?.delete('y')
  await tabs.bus.drain()
  b?.set('z', 1)
  await tabs.bus.drain()
  c?.flush()
  await tabs.bus.drain()
  // set, expire, persist, rename (delete + set), delete, set, flush
  expect(writes()).toHaveLength(8)
  for (const tab of [a, b, c, d]) expect(tab?.size).toBe(0)
})

it('a change applied while the receiving cache holds its notifications is not sent back either', async () => {
  const [a, b] = tabs.open(2)
  await tabs.bus.drain()
  const release = b?.hold()
  a?.set('x', 1)
  a?.set('y', 2)
  await tabs.bus.drain()
  expect(b?.keys()).toEqual(['x', 'y'])
  b?.set('mine', 3) // a write of b's own, announced with the applied ones
  release?.()
  await tabs.bus.drain()
  expect(writes()).toHaveLength(3)
  expect(a?.get('mine')).toBe(3)
})

it('a flush applied from another tab is not sent back', async () => {
  const [a, b, c] = tabs.open(3)
  a?.set('x', 1)
  await tabs.bus.drain()
  b?.flush()
  await tabs.bus.drain()
  expect(writes().filter((message) => message.flush)).toHaveLength(1)
  expect(a?.size).toBe(0)
  expect(c?.size).toBe(0)
})

it('a tab writing back the entry it received sends it once, and the tabs settle', async () => {
  const [a, b] = tabs.open(2)
  a?.set('x', 1)
  await tabs.bus.drain()
  const item = b?.getItem('x')
  b?.setItem('x', item as { value: unknown; expiration: number | null }) // a new entry: sent
  await tabs.bus.drain()
  expect(writes()).toHaveLength(2)
  expect(a?.get('x')).toBe(1)
})
