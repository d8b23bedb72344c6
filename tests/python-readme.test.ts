// The Python poche README's examples, ported: TTLs are milliseconds here (Python's ttl=5 is 5000).
import { expect, it, vi } from 'vitest'
import { Cache, KeyError } from '../src/core/index'

it('Example: basic', () => {
  const c = new Cache<string, string>()
  c.set('my_key', 'my_value')
  expect(c.get('my_key')).toBe('my_value')
})

it('Example with TTLs', () => {
  vi.useFakeTimers()
  try {
    const c = new Cache<string, string>({ defaultTtl: 5000 })
    c.set('my_key', 'my_value', 1000)
    vi.advanceTimersByTime(2000)
    expect(() => c.get('my_key')).toThrow(KeyError)
    c.set('my_key', 'my_value') // the default 5 s TTL
    vi.advanceTimersByTime(2000)
    expect(c.get('my_key')).toBe('my_value')
  } finally {
    vi.useRealTimers()
  }
})

it('Usage: get, set, get-or-set, delete, flush', () => {
  vi.useFakeTimers()
  try {
    const c = new Cache<string, number>()
    c.set('un', 1, 5000)
    expect(c.get('un')).toBe(1)
    vi.advanceTimersByTime(5000)
    expect(() => c.get('un')).toThrow(KeyError)
    expect(c.getOrSet('deux', 2)).toBe(2)
    expect(c.getOrSet('deux', 3)).toBe(2)
    expect(c.get('deux')).toBe(2)
    c.delete('deux')
    c.flush()
    expect(c.size).toBe(0)
  } finally {
    vi.useRealTimers()
  }
})

it('Dictionary methods: keys, values, items', () => {
  const c = new Cache<string, number>()
  c.set('un', 1)
  c.set('deux', 2)
  expect(c.keys()).toEqual(['un', 'deux'])
  expect(c.values()).toEqual([1, 2])
  expect(c.items().map(([key, item]) => `${key} -> ${item.value}`)).toEqual(['un -> 1', 'deux -> 2'])
})

it('Raw items: getItem instead of c["un"], has instead of `in`, size instead of len', () => {
  const c = new Cache<string, number>()
  c.set('un', 1)
  expect(c.getItem('un')).toEqual({ expiration: null, value: 1 })
  expect(c.getItem('un')?.value).toBe(1)
  expect(c.has('un')).toBe(true)
  c.set('deux', 2)
  expect(c.size).toBe(2)
  c.delete('deux')
  expect(c.size).toBe(1)
})
