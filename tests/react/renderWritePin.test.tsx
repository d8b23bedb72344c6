// @vitest-environment jsdom
// A value written during render is kept until its reader has subscribed, whatever maxSize says.
// Outside act() React runs passive effects (where useSyncExternalStore subscribes) after the
// microtask that ends the render's hold on announcements, so the hold alone does not protect it.
import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Cache, CacheProvider, useCache, useCachedValue } from '../../src/index'

const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
let container: HTMLElement

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
})
afterEach(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true
  container.remove()
})

/** Renders outside act(), as an app does, and waits until React has run its passive effects. */
const renderOutsideAct = async (element: React.ReactNode) => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false
  const root = createRoot(container)
  root.render(element)
  await new Promise((resolve) => setTimeout(resolve, 50))
  return root
}

const readers = (keys: string[], factories: Record<string, number>) =>
  keys.map((key) => <Reader key={key} k={key} factories={factories} />)

function Reader({ k, factories }: { k: string; factories: Record<string, number> }) {
  const value = useCachedValue(k, () => {
    factories[k] = (factories[k] ?? 0) + 1
    return `value of ${k}`
  })
  return <p>{value}</p>
}

it('outside act(), maxSize 1: each reader’s factory runs once and every value stays on screen', async () => {
  const cache = new Cache<string, string>({ maxSize: 1 })
  const factories: Record<string, number> = {}
  const root = await renderOutsideAct(
    <CacheProvider cache={cache}>{readers(['a', 'b', 'c'], factories)}</CacheProvider>,
  )
  expect(factories).toEqual({ a: 1, b: 1, c: 1 })
  expect(container.textContent).toBe('value of avalue of bvalue of c')
  // All three are read, so none is evicted while mounted.
  expect(cache.keys()).toEqual(['a', 'b', 'c'])
  root.unmount()
  // Once nobody reads them, maxSize applies again (a microtask later: see the StrictMode test).
  await Promise.resolve()
  expect(cache.size).toBe(1)
})

it('outside act(), nested readers: a parent’s write survives its child committing first', async () => {
  const cache = new Cache<string, string>({ maxSize: 1 })
  const factories: Record<string, number> = {}
  function Parent() {
    const value = useCachedValue('parent', () => {
      factories.parent = (factories.parent ?? 0) + 1
      return 'P'
    })
    return (
      <div>
        {value}
        <Reader k="child" factories={factories} />
      </div>
    )
  }
  const root = await renderOutsideAct(
    <CacheProvider cache={cache}>
      <Parent />
    </CacheProvider>,
  )
  expect(factories).toEqual({ parent: 1, child: 1 })
  expect(container.textContent).toBe('Pvalue of child')
  root.unmount()
})

it('outside act() in StrictMode, with a provider-made cache: once per key, and the cache keeps its listeners', async () => {
  const factories: Record<string, number> = {}
  const root = await renderOutsideAct(
    <StrictMode>
      <CacheProvider maxSize={1}>{readers(['a', 'b'], factories)}</CacheProvider>
    </StrictMode>,
  )
  expect(factories).toEqual({ a: 1, b: 1 })
  expect(container.textContent).toBe('value of avalue of b')
  root.unmount()
})

it('inside act(), maxSize 1: each factory runs once', () => {
  const cache = new Cache<string, string>({ maxSize: 1 })
  const factories: Record<string, number> = {}
  render(<CacheProvider cache={cache}>{readers(['a', 'b', 'c'], factories)}</CacheProvider>)
  expect(factories).toEqual({ a: 1, b: 1, c: 1 })
  expect(cache.keys()).toEqual(['a', 'b', 'c'])
})

it('StrictMode’s pretend unmount leaves a provider-made cache listening: a later set re-renders its reader', async () => {
  let cache: Cache | undefined
  function Shown() {
    cache = useCache()
    return <p data-testid="shown">{useCachedValue('k', () => 'first')}</p>
  }
  render(
    <StrictMode>
      <CacheProvider maxSize={1}>
        <Shown />
      </CacheProvider>
    </StrictMode>,
  )
  expect(screen.getByTestId('shown').textContent).toBe('first')
  await act(async () => {})
  // The reader's own subscription, and nothing else: the pin went when it subscribed.
  expect(cache?.keyListenerCount('k')).toBe(1)
  act(() => cache?.set('k', 'second'))
  expect(screen.getByTestId('shown').textContent).toBe('second')
})

it('a render React throws away pins nothing for long: the key is evictable again within seconds', async () => {
  vi.useFakeTimers()
  try {
    const cache = new Cache<string, string>({ maxSize: 1 })
    function Thrower(): never {
      throw new Error('thrown away')
    }
    // A render that writes 'a', then throws before anything commits: React discards it.
    function Discarded() {
      useCachedValue('a', () => 'A')
      return <Thrower />
    }
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      render(
        <CacheProvider cache={cache}>
          <Discarded />
        </CacheProvider>,
      ),
    ).toThrow('thrown away')
    spy.mockRestore()
    await vi.advanceTimersByTimeAsync(0)
    cache.set('b', 'B')
    // 'a' was written by a render that never committed: still pinned for a moment,
    expect(cache.has('a')).toBe(true)
    await vi.advanceTimersByTimeAsync(5_000)
    // then let go, so maxSize evicts it.
    expect(cache.keys()).toEqual(['b'])
  } finally {
    vi.useRealTimers()
  }
})
