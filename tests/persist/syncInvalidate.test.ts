// cache.invalidate in one tab marks the same keys stale in every other tab on the channel, once:
// never sent back, one message for the marks of one task.
import { expect, it } from 'vitest'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()

it('an invalidation crosses to every tab, keeps the values there, and is not sent back', async () => {
  const [a, b, c] = tabs.open(3)
  a?.set('user', 1)
  a?.set('theme', 'dark')
  await tabs.bus.drain()
  const before = tabs.bus.pocheMessages.length
  expect(a?.invalidate('user')).toBe(1)
  await tabs.bus.drain()
  for (const tab of [b, c]) {
    expect(tab?.isInvalidated('user')).toBe(true)
    expect(tab?.isInvalidated('theme')).toBe(false)
    expect(tab?.get('user')).toBe(1)
  }
  // One message: b and c did not send their marks back.
  expect(tabs.bus.pocheMessages.slice(before)).toEqual([expect.objectContaining({ invalidate: ['user'] })])
  b?.invalidate('user')
  await tabs.bus.drain()
  expect(tabs.bus.pocheMessages.length).toBe(before + 2)
})

it('the marks of one task cross in one message; keys of other types stay in their tab', async () => {
  const [a, b] = tabs.open(2)
  for (const key of ['x', 'y', 3]) a?.set(key as string, key)
  await tabs.bus.drain()
  const objectKey = { id: 1 }
  a?.set(objectKey as never, 'local')
  const before = tabs.bus.pocheMessages.length
  expect(a?.invalidate()).toBe(4)
  await tabs.bus.drain()
  expect(tabs.bus.pocheMessages.slice(before)).toEqual([expect.objectContaining({ invalidate: ['x', 'y', 3] })])
  expect(b?.keys().filter((key) => b.isInvalidated(key))).toEqual(['x', 'y', 3])
})

it('a key the receiving tab does not hold is left alone; a later local invalidation of it is sent', async () => {
  const [a, b] = tabs.open(2)
  a?.set('k', 1)
  await tabs.bus.drain()
  b?.delete('k')
  await tabs.bus.drain()
  a?.set('k', 2)
  await tabs.bus.drain()
  const before = tabs.bus.pocheMessages.length
  b?.invalidate('k')
  await tabs.bus.drain()
  expect(a?.isInvalidated('k')).toBe(true)
  expect(tabs.bus.pocheMessages.length).toBe(before + 1)
})

it('malformed invalidations from the channel are ignored', async () => {
  const [a] = tabs.open(1)
  a?.set('k', 1)
  const channel = new BroadcastChannel('poche')
  channel.postMessage({ poche: 1, from: 'other', invalidate: [{ bad: true }, null] })
  channel.postMessage({ poche: 1, from: 'other', invalidate: 'k' })
  await tabs.bus.drain()
  expect(a?.isInvalidated('k')).toBe(false)
  channel.close()
})
