// Round trip: hydrate(new Cache(), JSON.parse(serializeSnapshot(dehydrate(cache)))) reproduces every
// live entry of a random cache with JSON values, in keys() order, with the same expirations.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { Cache, dehydrate, hydrate, serializeSnapshot } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

const command = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    key: fc.string({ maxLength: 6 }),
    value: fc.jsonValue(),
    ttl: fc.oneof(fc.constant(undefined), fc.constant(Infinity), fc.integer({ min: 1, max: 5000 })),
  }),
  fc.record({ op: fc.constant('delete' as const), key: fc.string({ maxLength: 6 }) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2000 }) }),
)

it('a round trip through JSON reproduces the live entries, their order and their expirations', () => {
  fc.assert(
    fc.property(
      fc.array(command, { maxLength: 60 }),
      fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 3000 })),
      fc.integer({ min: 0, max: 500 }),
      (commands, defaultTtl, transit) => {
        const clock = new FakeClock(1_700_000_000_000)
        const source = new Cache<string, unknown>({ clock, defaultTtl })
        for (const c of commands) {
          if (c.op === 'set') source.set(c.key, c.value, c.ttl)
          else if (c.op === 'delete' && source.has(c.key)) source.delete(c.key)
          else if (c.op === 'advance') clock.advance(c.ms)
        }
        const wire = serializeSnapshot(dehydrate(source))
        const live = source.items()

        const same = new Cache<string, unknown>({ clock: new FakeClock(clock.time) })
        expect(hydrate(same, JSON.parse(wire))).toBe(live.length)
        // JSON turns -0 into 0; every other JSON value comes back equal.
        expect(same.items()).toEqual(JSON.parse(JSON.stringify(live)))

        // Later on the other side, what expired meanwhile is gone and the rest keep their times.
        const laterClock = new FakeClock(clock.time + transit)
        const later = new Cache<string, unknown>({ clock: laterClock })
        hydrate(later, JSON.parse(wire))
        const stillLive = live.filter(([, item]) => item.expiration === null || item.expiration > laterClock.time)
        expect(later.items()).toEqual(JSON.parse(JSON.stringify(stillLive)))
      },
    ),
    { numRuns: Number(process.env.MODEL_RUNS ?? 300) },
  )
})
