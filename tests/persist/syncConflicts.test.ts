// Two tabs writing one key at the same moment end with the same entry in both: the later stamp
// (time, then tab id) wins everywhere, a late or repeated older message changes nothing, and a
// delete or flush is ordered with the writes the same way.
import { afterEach, expect, it, vi } from 'vitest'
import { setUpTabs } from './tabs'

const tabs = setUpTabs()
afterEach(() => {
  vi.useRealTimers()
})

it('two tabs setting one key in the same millisecond converge on one value', async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] })
  for (let round = 0; round < 20; round++) {
    const [a, b, c] = tabs.open(3)
    await tabs.bus.drain()
    a?.set('k', 'from a')
    b?.set('k', 'from b')
    await tabs.bus.drain()
    const seen = new Set([a, b, c].map((tab) => tab?.get('k')))
    expect(seen.size).toBe(1)
    tabs.close()
  }
})

it('the later write wins in every tab, whichever message arrives last', async () => {
  const [a, b] = tabs.open(2)
  await tabs.bus.drain()
  vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] })
  // Both write before either hears of the other; a writes half a second after b.
  b?.set('k', 'earlier')
  vi.setSystemTime(1_700_000_000_500)
  a?.set('k', 'latest')
  await tabs.bus.drain()
  expect(a?.get('k')).toBe('latest')
  expect(b?.get('k')).toBe('latest')
})

it('a set and a delete at the same moment converge', async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] })
  for (let round = 0; round < 20; round++) {
    const [a, b] = tabs.open(2)
    a?.set('k', 'start')
    await tabs.bus.drain()
    a?.delete('k')
    b?.set('k', 'again')
    await tabs.bus.drain()
    expect(a?.has('k')).toBe(b?.has('k'))
    if (a?.has('k')) expect(a.get('k')).toBe(b?.get('k'))
    tabs.close()
  }
})

it('a write made concurrently with another tab’s flush converges (kept in both, or gone in both)', async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] })
  for (let round = 0; round < 20; round++) {
    const [a, b] = tabs.open(2)
    a?.set('old', 1)
    await tabs.bus.drain()
    a?.flush()
    b?.set('new', 2)
    await tabs.bus.drain()
    expect(a?.keys()).toEqual(b?.keys())
    expect(a?.has('old')).toBe(false)
    tabs.close()
  }
})

it('an older message arriving late, or twice, changes nothing', async () => {
  const [a] = tabs.open(1)
  const outsider = new tabs.bus.Channel('poche')
  const now = Date.now()
  outsider.postMessage({ poche: 1, from: 'x', changes: [['k', [now + 10, 'x'], 'newer', null]] })
  outsider.postMessage({ poche: 1, from: 'x', changes: [['k', [now + 5, 'x'], 'older', null]] })
  outsider.postMessage({ poche: 1, from: 'x', changes: [['k', [now + 5, 'x'], 'older', null]] })
  outsider.postMessage({ poche: 1, from: 'x', changes: [['k', [now + 10, 'a'], 'same time, lower tab', null]] })
  await tabs.bus.drain()
  outsider.close()
  expect(a?.get('k')).toBe('newer')
})

it('a write made after seeing another tab’s write wins even when this tab’s clock is behind', async () => {
  const [a] = tabs.open(1)
  const outsider = new tabs.bus.Channel('poche')
  const ahead = Date.now() + 3_600_000 // another tab whose clock is an hour ahead
  outsider.postMessage({ poche: 1, from: 'x', changes: [['k', [ahead, 'x'], 'theirs', null]] })
  await tabs.bus.drain()
  a?.set('k', 'mine, after theirs')
  await tabs.bus.drain()
  const sent = tabs.bus.pocheMessages.at(-1) as { changes: [string, [number, string]][] }
  expect(sent.changes[0]?.[1][0]).toBeGreaterThan(ahead)
  outsider.close()
})
