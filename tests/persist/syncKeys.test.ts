// Only string and number keys are synced (an object key means nothing in another tab); a number
// key stays a number.
import { expect, it } from 'vitest'
import type { Cache } from '../../src/core/index'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()

it('string and number keys cross as themselves; object, symbol and boolean keys stay in their tab', async () => {
  const [a, b] = tabs.open<unknown, unknown>(2) as [Cache<unknown, unknown>, Cache<unknown, unknown>]
  const objectKey = { id: 1 }
  a.set('s', 1)
  a.set(2, 'two')
  a.set(objectKey, 'object')
  a.set(Symbol.for('sym'), 'symbol')
  a.set(true, 'boolean')
  await tabs.bus.drain()
  expect(b.keys()).toEqual(['s', 2])
  expect(b.has('2')).toBe(false)
  a.delete(objectKey)
  a.delete(true)
  await tabs.bus.drain()
  const sent = tabs.bus.pocheMessages.filter((message) => Array.isArray(message.changes) && !message.to)
  expect(sent).toHaveLength(2)
})
