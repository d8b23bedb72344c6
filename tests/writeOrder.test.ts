// A listener runs only after the cache's state is final: a write that finds an expired entry on
// its way announces that expiry after the write, so a listener that writes back cannot interleave.
import { expect, it } from 'vitest'
import { Cache } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

it('a set over an expired entry announces the expiry after the write, and a listener writing back leaves one entry', () => {
  const clock = new FakeClock()
  const cache = new Cache<string, number>({ clock })
  cache.set('a', 1, 10)
  clock.jump(10) // expired, but the timer has not fired (a throttled tab)
  const seen: string[] = []
  cache.onEvent((event) => {
    seen.push(`${event.type}:${String(event.key)}=${String(cache.getItem('a')?.value)}`)
    if (event.type === 'expire') cache.set('a', 99, 1000)
  })
  cache.set('a', 2, 1000)
  // The expiry is told once the write of 2 is in place; the listener's own write of 99 is told at
  // once, and the outer write's announcement then sees the cache as it now is.
  expect(seen).toEqual(['expire:a=2', 'set:a=99', 'set:a=99'])
  expect(cache.keys()).toEqual(['a'])
  expect(cache.size).toBe(1)
  cache.delete('a')
  expect(cache.size).toBe(0)
  // Nothing left that can expire: no timer pending.
  expect(clock.pending).toBe(0)
})
