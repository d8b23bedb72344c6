// dehydrate, hydrate and serializeSnapshot: live entries with absolute expirations across a wire,
// each TTL kept; a malformed snapshot throws a TypeError that names the problem and changes nothing.
import { describe, expect, it } from 'vitest'
import { Cache, type CacheEvent, type CacheSnapshot, dehydrate, hydrate, serializeSnapshot } from '../src/core/index'
import { deferred, flushPromises } from './helpers/deferred'
import { FakeClock } from './helpers/fakeClock'

const make = (start = 1_000_000) => {
  const clock = new FakeClock(start)
  return { clock, cache: new Cache<string, unknown>({ clock }) }
}

describe('dehydrate', () => {
  it('lists live entries in keys() order with absolute expirations, null for never', () => {
    const { cache, clock } = make()
    cache.set('b', 2, 1000)
    cache.set('a', { nested: [1] }, Infinity)
    cache.set('gone', 0, 10)
    clock.jump(10)
    expect(dehydrate(cache)).toEqual({
      version: 1,
      entries: [
        ['b', 2, clock.time - 10 + 1000],
        ['a', { nested: [1] }, null],
      ],
    })
    // Dehydrating changes nothing (the expired entry is left for the timer).
    expect(cache.keys()).toEqual(['b', 'a'])
  })

  it('takes a fulfilled Promise entry with its value and leaves pending and rejected ones out', async () => {
    const { cache, clock } = make()
    const done = deferred<number>()
    const waiting = deferred<number>()
    const failing = deferred<number>()
    cache.getOrCompute('done', () => done.promise, 5000)
    cache.getOrCompute('waiting', () => waiting.promise, 5000)
    cache.getOrCompute('failing', () => failing.promise, 5000)
    done.resolve(42)
    failing.reject(new Error('no'))
    await flushPromises()
    expect(dehydrate(cache).entries).toEqual([['done', 42, clock.time + 5000]])
  })

  it('keeps what filter accepts, called with the plain value', async () => {
    const { cache } = make()
    cache.set('public:a', 1)
    cache.set('secret', 2)
    cache.getOrCompute('public:p', () => Promise.resolve('v'))
    await flushPromises()
    const seen: unknown[] = []
    const snapshot = dehydrate(cache, {
      filter: (key, value) => {
        seen.push(value)
        return key.startsWith('public:')
      },
    })
    expect(snapshot.entries.map(([key]) => key)).toEqual(['public:a', 'public:p'])
    expect(seen).toEqual([1, 2, 'v'])
  })

  it('propagates what filter throws and leaves the cache unchanged', () => {
    const { cache } = make()
    cache.set('a', 1, 1000)
    const before = cache.items()
    expect(() =>
      dehydrate(cache, {
        filter: () => {
          throw new Error('filter broke')
        },
      }),
    ).toThrow('filter broke')
    expect(cache.items()).toEqual(before)
    expect(() => dehydrate(cache, { filter: 'no' as never })).toThrow(TypeError)
  })
})

describe('hydrate', () => {
  it('stores entries with their own expirations, skips expired ones, returns how many it stored', () => {
    const { cache, clock } = make()
    const now = clock.time
    const stored = hydrate(cache, {
      version: 1,
      entries: [
        ['a', 1, now + 400],
        ['b', 2, null],
        ['late', 3, now],
        ['older', 4, now - 1],
      ],
    })
    expect(stored).toBe(2)
    expect(cache.items()).toEqual([
      ['a', { value: 1, expiration: now + 400 }],
      ['b', { value: 2, expiration: null }],
    ])
    clock.advance(399)
    expect(cache.has('a')).toBe(true)
    clock.advance(1)
    expect(cache.has('a')).toBe(false)
  })

  it('lets a live entry win unless overwrite is set', () => {
    const { cache, clock } = make()
    cache.set('a', 'mine', 1000)
    const snapshot: CacheSnapshot<string, string> = { version: 1, entries: [['a', 'theirs', clock.time + 5000]] }
    expect(hydrate(cache, snapshot)).toBe(0)
    expect(cache.get('a')).toBe('mine')
    expect(hydrate(cache, snapshot, { overwrite: true })).toBe(1)
    expect(cache.getItem('a')).toEqual({ value: 'theirs', expiration: clock.time + 5000 })
  })

  it('announces each stored key as a set, once, after every entry is stored', () => {
    const { cache, clock } = make()
    cache.set('a', 0)
    const heard: string[] = []
    const events: CacheEvent<string>[] = []
    cache.subscribe('a', () => heard.push(`a saw ${String(cache.getItem('b')?.value)}`))
    cache.subscribe('b', () => heard.push('b'))
    cache.subscribeKeys(() => heard.push('keys'))
    cache.onEvent((event) => events.push(event))
    hydrate(
      cache,
      {
        version: 1,
        entries: [
          ['a', 1, null],
          ['b', 1, clock.time + 100],
          ['b', 2, clock.time + 100],
        ],
      },
      { overwrite: true },
    )
    expect(heard).toEqual(['a saw 2', 'b', 'keys'])
    expect(events).toEqual([
      { type: 'set', key: 'a' },
      { type: 'set', key: 'b' },
      { type: 'set', key: 'b' },
    ])
  })

  describe('refuses a snapshot of the wrong shape, naming the problem, and changes nothing', () => {
    const cases: [string, unknown, RegExp][] = [
      ['not an object', 'snapshot', /snapshot must be an object, got "snapshot"/],
      ['null', null, /snapshot must be an object, got null/],
      ['another version', { version: 2, entries: [] }, /snapshot.version must be 1, got 2/],
      ['no version', { entries: [] }, /snapshot.version must be 1, got undefined/],
      ['entries not an array', { version: 1, entries: {} }, /snapshot.entries must be an array, got an object/],
      [
        'an entry not an array',
        { version: 1, entries: [['a', 1, null], 'b'] },
        /snapshot.entries\[1\] must be a \[key, value, expiration\] array, got "b"/,
      ],
      [
        'an entry of two items',
        { version: 1, entries: [['a', 1]] },
        /snapshot.entries\[0\] must be a \[key, value, expiration\] array/,
      ],
      [
        'a string expiration',
        { version: 1, entries: [['a', 1, '5']] },
        /snapshot.entries\[0\]\[2\] \(expiration\) must be a finite number of ms or null, got "5"/,
      ],
      [
        'an infinite expiration',
        { version: 1, entries: [['a', 1, Infinity]] },
        /entries\[0\]\[2\] \(expiration\) must be .*, got Infinity/,
      ],
      [
        'a NaN expiration',
        {
          version: 1,
          entries: [
            ['a', 1, null],
            ['b', 1, Number.NaN],
          ],
        },
        /entries\[1\]\[2\] \(expiration\) must be .*, got NaN/,
      ],
      [
        'a hole',
        { version: 1, entries: Object.assign([['a', 1, null]], { 2: ['c', 1, null] }) },
        /entries\[1\] must be a \[key, value, expiration\] array, got undefined/,
      ],
    ]
    for (const [what, snapshot, message] of cases) {
      it(what, () => {
        const { cache, clock } = make()
        cache.set('a', 'before', 1000)
        cache.set('z', 'kept')
        const items = cache.items()
        const heard: string[] = []
        cache.onEvent((event) => heard.push(event.type))
        let thrown: unknown
        try {
          hydrate(cache, snapshot as CacheSnapshot<string, unknown>)
        } catch (error) {
          thrown = error
        }
        expect(thrown).toBeInstanceOf(TypeError)
        expect((thrown as Error).message).toMatch(message)
        expect(cache.items()).toEqual(items)
        expect(heard).toEqual([])
        expect(clock.pending).toBe(1)
      })
    }
  })
})

describe('across the wire', () => {
  it('an entry dehydrated 400 ms before its expiry is live on the client and expires at the same absolute time', () => {
    const server = make(5_000_000)
    server.cache.set('price', 10, 1000)
    server.clock.advance(600)
    const wire = serializeSnapshot(dehydrate(server.cache))
    const expiration = server.clock.time + 400
    // The client's clock reads the same epoch time, 150 ms later (the page travelled).
    const client = make(server.clock.time + 150)
    expect(hydrate(client.cache, JSON.parse(wire))).toBe(1)
    expect(client.cache.getItem('price')).toEqual({ value: 10, expiration })
    const expired: string[] = []
    client.cache.onEvent((event) => event.type === 'expire' && expired.push(event.key))
    client.clock.advance(249)
    expect(client.cache.get('price')).toBe(10)
    client.clock.advance(1)
    expect(client.clock.time).toBe(expiration)
    expect(expired).toEqual(['price'])
  })

  it('an entry that expired in transit is skipped', () => {
    const server = make(5_000_000)
    server.cache.set('price', 10, 1000)
    server.cache.set('name', 'x', Infinity)
    server.clock.advance(600)
    const wire = serializeSnapshot(dehydrate(server.cache))
    const client = make(server.clock.time + 400)
    expect(hydrate(client.cache, JSON.parse(wire))).toBe(1)
    expect(client.cache.keys()).toEqual(['name'])
  })
})

describe('serializeSnapshot', () => {
  it('escapes what could end a <script> and gives the snapshot back through JSON.parse', () => {
    const snapshot: CacheSnapshot = {
      version: 1,
      entries: [
        ['</script><script>alert(1)</script>', 'a & b <!-- c --> d\u2028e\u2029f', null],
        ['n', { deep: ['>'] }, 123],
      ],
    }
    const json = serializeSnapshot(snapshot)
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(json).toContain('\\u003c/script\\u003e')
    expect(json).toContain('\\u0026')
    expect(json).toContain('\\u2028')
    expect(json).toContain('\\u2029')
    expect(JSON.parse(json)).toEqual(snapshot)
  })
})

describe('Cache.setItem', () => {
  it('stores at an absolute expiration, refuses a bad one, and skips an expired item', () => {
    const { cache, clock } = make()
    expect(cache.setItem('a', { value: 1, expiration: clock.time + 10 })).toBe(true)
    expect(cache.getItem('a')?.expiration).toBe(clock.time + 10)
    expect(cache.setItem('a', { value: 2, expiration: clock.time })).toBe(false)
    expect(cache.get('a')).toBe(1)
    expect(() => cache.setItem('a', { value: 3, expiration: Number.NaN })).toThrow(
      'expiration must be a finite number of ms or null, got NaN',
    )
    expect(cache.get('a')).toBe(1)
  })
})

it('dehydrate takes a fulfilled Promise stored with set() as well', async () => {
  const { cache } = make()
  const promise = Promise.resolve('v')
  cache.set('k', promise)
  await flushPromises()
  expect(dehydrate(cache).entries).toEqual([['k', 'v', null]])
})
