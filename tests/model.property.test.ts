// Random sequences of every command, mixed with clock moves and timer firings, run against a
// small reference model (a Map and a number for the time), compared after every step.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { Cache, KeyError } from '../src/core/index'
import { FakeClock } from './helpers/fakeClock'

type Key = string
interface Entry {
  value: number
  exp: number
}

/** The contract, written as plainly as possible. */
class Model {
  map = new Map<Key, Entry>()
  events: string[] = []
  constructor(
    public time: number,
    public maxSize: number,
    public defaultTtl: number | null,
  ) {}

  deadline(ttl: number | undefined): number {
    const t = ttl === undefined ? this.defaultTtl : ttl
    return t === null || t === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : this.time + t
  }
  expired(entry: Entry): boolean {
    return entry.exp <= this.time
  }
  purge(): void {
    for (const [key, entry] of [...this.map]) {
      if (this.expired(entry)) {
        this.map.delete(key)
        this.events.push(`expire:${key}`)
      }
    }
  }
  live(key: Key): Entry | undefined {
    const entry = this.map.get(key)
    if (entry && this.expired(entry)) {
      this.purge()
      return undefined
    }
    return entry
  }
  touch(key: Key): void {
    if (this.maxSize === Number.POSITIVE_INFINITY) return
    const entry = this.map.get(key) as Entry
    this.map.delete(key)
    this.map.set(key, entry)
  }
  insert(key: Key, value: number, exp: number): void {
    if (this.map.size >= this.maxSize) this.purge()
    this.map.set(key, { value, exp })
    this.events.push(`set:${key}`)
    for (const other of [...this.map.keys()]) {
      if (this.map.size <= this.maxSize) break
      if (other === key) continue
      this.map.delete(other)
      this.events.push(`evict:${other}`)
    }
  }
  set(key: Key, value: number, ttl?: number): void {
    const exp = this.deadline(ttl)
    const entry = this.live(key)
    if (!entry) {
      this.insert(key, value, exp)
      return
    }
    this.map.set(key, { value, exp })
    this.touch(key)
    this.events.push(`set:${key}`)
  }
  get(key: Key): number {
    const entry = this.live(key)
    if (!entry) throw new KeyError(key)
    this.touch(key)
    return entry.value
  }
  getOrSet(key: Key, value: number, ttl?: number): number {
    const exp = this.deadline(ttl)
    const entry = this.live(key)
    if (entry) {
      this.touch(key)
      return entry.value
    }
    this.insert(key, value, exp)
    return value
  }
  getItem(key: Key) {
    const entry = this.map.get(key)
    if (!entry || this.expired(entry)) return undefined
    return { value: entry.value, expiration: entry.exp === Number.POSITIVE_INFINITY ? null : entry.exp }
  }
  delete(key: Key): void {
    if (!this.live(key)) throw new KeyError(key)
    this.map.delete(key)
    this.events.push(`delete:${key}`)
  }
  retime(key: Key, exp: number): void {
    const entry = this.live(key)
    if (!entry) throw new KeyError(key)
    if (entry.exp === exp) return
    this.map.set(key, { ...entry, exp })
    this.events.push(`set:${key}`)
  }
  rename(key: Key, newKey: Key): void {
    const entry = this.live(key)
    if (!entry) throw new KeyError(key)
    if (key === newKey) return
    if (this.live(newKey)) this.map.delete(newKey)
    this.map.delete(key)
    this.map.set(newKey, entry)
    this.events.push(`delete:${key}`, `set:${newKey}`)
  }
  flush(): void {
    this.map.clear()
    this.events.push('flush')
  }
}

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e')
const ttl = fc.option(fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(Number.POSITIVE_INFINITY)), {
  nil: undefined,
})
const value = fc.integer({ min: 0, max: 99 })

const command = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key, value, ttl }),
  fc.record({ op: fc.constant('get' as const), key }),
  fc.record({ op: fc.constant('has' as const), key }),
  fc.record({ op: fc.constant('getItem' as const), key }),
  fc.record({ op: fc.constant('getOrSet' as const), key, value, ttl }),
  fc.record({ op: fc.constant('getOrCompute' as const), key, value, ttl }),
  fc.record({ op: fc.constant('delete' as const), key }),
  fc.record({ op: fc.constant('expire' as const), key, ttl: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('persist' as const), key }),
  fc.record({ op: fc.constant('rename' as const), key, newKey: key }),
  fc.record({ op: fc.constant('flush' as const) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ op: fc.constant('jump' as const), ms: fc.integer({ min: 0, max: 40 }) }),
)

type Command = typeof command extends fc.Arbitrary<infer C> ? C : never

/** Runs `f` on both sides and returns what each gave back or threw. */
const outcome = (f: () => unknown) => {
  try {
    return { value: f() }
  } catch (error) {
    return { error: (error as Error).name }
  }
}

const apply = (target: Cache<Key, number> | Model, c: Command) => {
  switch (c.op) {
    case 'set':
      return target.set(c.key, c.value, c.ttl)
    case 'get':
      return target.get(c.key)
    case 'has':
      return target instanceof Model ? target.live(c.key) !== undefined : target.has(c.key)
    case 'getItem':
      return target.getItem(c.key)
    case 'getOrSet':
      return target.getOrSet(c.key, c.value, c.ttl)
    case 'getOrCompute':
      return target instanceof Model
        ? target.getOrSet(c.key, c.value, c.ttl)
        : target.getOrCompute(c.key, () => c.value, c.ttl)
    case 'delete':
      return target.delete(c.key)
    case 'expire':
      return target instanceof Model ? target.retime(c.key, target.time + c.ttl) : target.expire(c.key, c.ttl)
    case 'persist':
      return target instanceof Model ? target.retime(c.key, Number.POSITIVE_INFINITY) : target.persist(c.key)
    case 'rename':
      return target.rename(c.key, c.newKey)
    case 'flush':
      return target.flush()
    default:
      return undefined
  }
}

const sorted = (events: string[]) => [...events].sort()

it('behaves like the reference model under random commands, clock moves and timer firings', () => {
  fc.assert(
    fc.property(
      fc.array(command, { maxLength: 60 }),
      fc.constantFrom(Number.POSITIVE_INFINITY, 2, 3),
      fc.constantFrom(null, 25),
      (commands, maxSize, defaultTtl) => {
        const clock = new FakeClock(0)
        const cache = new Cache<Key, number>({ clock, maxSize, defaultTtl })
        const model = new Model(0, maxSize, defaultTtl)
        const events: string[] = []
        cache.onEvent((e) => events.push(e.type === 'flush' ? 'flush' : `${e.type}:${e.key}`))

        for (const c of commands) {
          if (c.op === 'advance') {
            clock.advance(c.ms)
            model.time = clock.time
            model.purge()
          } else if (c.op === 'jump') {
            clock.jump(c.ms)
            model.time = clock.time
          } else {
            expect(outcome(() => apply(cache, c))).toEqual(outcome(() => apply(model, c)))
          }
          // Non-mutating reads first: they leave expired entries for the timer or a read.
          const live = [...model.map.keys()].filter((k) => model.getItem(k) !== undefined)
          for (const k of ['a', 'b', 'c', 'd', 'e']) expect(cache.getItem(k)).toEqual(model.getItem(k))
          expect(cache.keys()).toEqual(live)
          expect(cache.values()).toEqual(live.map((k) => model.map.get(k)?.value))
          expect(cache.items()).toEqual(live.map((k) => [k, model.getItem(k)]))
          expect(sorted(events)).toEqual(sorted(model.events))
          // size removes what has expired, on both sides.
          const size = cache.size
          model.purge()
          expect(size).toBe(model.map.size)
          for (const k of ['a', 'b', 'c', 'd', 'e']) expect(cache.has(k)).toBe(model.map.has(k))
          expect(sorted(events)).toEqual(sorted(model.events))
          expect(events.filter((e) => !e.startsWith('expire'))).toEqual(
            model.events.filter((e) => !e.startsWith('expire')),
          )
          const expiring = [...model.map.values()].some((e) => e.exp !== Number.POSITIVE_INFINITY)
          expect(clock.pending).toBe(expiring ? 1 : 0)
        }
      },
    ),
    { numRuns: Number(process.env.MODEL_RUNS ?? 1000) },
  )
}, 600_000)
