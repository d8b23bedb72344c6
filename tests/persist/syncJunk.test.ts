// Messages of another shape on the channel (another library, an older version) are ignored
// without throwing and change nothing.
import { expect, it } from 'vitest'
import { Cache } from '../../src/core/index'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()

const stamp = [Date.now() + 60_000, 'zzz']

it.each([
  ['null', null],
  ['a string', 'set x 1'],
  ['a number', 42],
  ['an array', [1, 2, 3]],
  ['another library’s object', { type: 'set', key: 'x', value: 'hacked' }],
  ['a wrong marker', { poche: 2, from: 'other', changes: [['x', stamp, 'hacked', null]] }],
  ['changes that are not an array', { poche: 1, from: 'other', changes: 'x' }],
  ['a change that is not an array', { poche: 1, from: 'other', changes: [{ key: 'x' }] }],
  ['an object key', { poche: 1, from: 'other', changes: [[{}, stamp, 'hacked', null]] }],
  ['a stamp that is not one', { poche: 1, from: 'other', changes: [['x', 'now', 'hacked', null]] }],
  ['a stamp without a tab', { poche: 1, from: 'other', changes: [['x', [Date.now() + 60_000], 'hacked', null]] }],
  ['an infinite stamp', { poche: 1, from: 'other', changes: [['x', [Infinity, 'z'], 'hacked', null]] }],
  ['a string expiration', { poche: 1, from: 'other', changes: [['x', stamp, 'hacked', 'soon']] }],
  ['an infinite expiration', { poche: 1, from: 'other', changes: [['x', stamp, 'hacked', Infinity]] }],
  ['a change of three items', { poche: 1, from: 'other', changes: [['x', stamp, 'hacked']] }],
  ['a flush that is not a stamp', { poche: 1, from: 'other', flush: true }],
  [
    'an answer to another tab',
    { poche: 1, from: 'other', to: 'someone else', changes: [['x', stamp, 'hacked', null]] },
  ],
])('%s is ignored without throwing', async (_, junk) => {
  const cache = new Cache<string, unknown>()
  cache.set('x', 'mine')
  tabs.sync(cache)
  const outsider = new tabs.bus.Channel('poche')
  outsider.postMessage(junk)
  await tabs.bus.drain()
  outsider.close()
  expect(tabs.bus.thrown).toEqual([])
  expect(cache.items()).toEqual([['x', { value: 'mine', expiration: null }]])
})

it('a well-formed change among junk ones is applied', async () => {
  const cache = new Cache<string, unknown>()
  tabs.sync(cache)
  const outsider = new tabs.bus.Channel('poche')
  outsider.postMessage({ poche: 1, from: 'other', changes: [null, ['y', stamp, 'ok', null], 'junk'] })
  await tabs.bus.drain()
  outsider.close()
  expect(cache.get('y')).toBe('ok')
})
