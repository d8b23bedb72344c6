// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react'
import { memo, StrictMode, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type Cache,
  CacheProvider,
  defaultCache,
  useCache,
  useCachedValue,
  useCacheItem,
  useCacheKeys,
} from '../../src/index'
import { allowCaughtErrorReports, Boundary } from '../helpers/Boundary'
import { cacheSetup } from '../helpers/cacheSetup'

afterEach(() => {
  defaultCache.flush()
})

const setup = cacheSetup

describe('useCacheItem', () => {
  it('re-renders only the readers of the key that changed', () => {
    const { cache, renders, wrap } = setup()
    function Reader({ k }: { k: string }) {
      const item = useCacheItem<number>(k)
      renders.hit(k)
      return <span data-testid={k}>{item ? String(item.value) : '-'}</span>
    }
    render(wrap(['a', 'b', 'c'].map((k) => <Reader key={k} k={k} />)))
    expect(['a', 'b', 'c'].map((k) => renders.of(k))).toEqual([1, 1, 1])
    act(() => cache.set('a', 1))
    expect(screen.getByTestId('a').textContent).toBe('1')
    expect(['a', 'b', 'c'].map((k) => renders.of(k))).toEqual([2, 1, 1])
    act(() => cache.set('b', 2))
    act(() => cache.delete('a'))
    expect(['a', 'b', 'c'].map((k) => renders.of(k))).toEqual([3, 2, 1])
    expect(screen.getByTestId('a').textContent).toBe('-')
  })

  it('re-renders on expiry, eviction and rename of its key', () => {
    const { cache, clock, renders, wrap } = setup({ maxSize: 3 })
    function Reader({ k }: { k: string }) {
      const item = useCacheItem<number>(k)
      renders.hit(k)
      return <span data-testid={k}>{item ? `${item.value}@${item.expiration}` : '-'}</span>
    }
    act(() => cache.set('a', 1, 100))
    render(wrap(<Reader k="a" />))
    expect(screen.getByTestId('a').textContent).toBe(`1@${clock.time + 100}`)
    act(() => clock.advance(100))
    expect(screen.getByTestId('a').textContent).toBe('-')
    act(() => cache.set('x', 1))
    act(() => cache.rename('x', 'a'))
    expect(screen.getByTestId('a').textContent).toBe('1@null')
    expect(renders.of('a')).toBe(3)
  })

  it('does not re-render when the same entry is announced again without a change', () => {
    const { cache, renders, wrap } = setup()
    cache.set('a', 1)
    function Reader() {
      useCacheItem('a')
      renders.hit('a')
      return null
    }
    render(wrap(<Reader />))
    act(() => cache.persist('a'))
    expect(renders.of('a')).toBe(1)
  })

  it('switches its subscription cleanly when the key changes', () => {
    const { cache, renders, wrap } = setup()
    cache.set('a', 'A')
    cache.set('b', 'B')
    function Reader({ k }: { k: string }) {
      const item = useCacheItem<string>(k)
      renders.hit('reader')
      return <span data-testid="v">{item?.value}</span>
    }
    const view = render(wrap(<Reader k="a" />))
    view.rerender(wrap(<Reader k="b" />))
    expect(screen.getByTestId('v').textContent).toBe('B')
    const before = renders.of('reader')
    act(() => cache.set('a', 'A2'))
    expect(renders.of('reader')).toBe(before)
    act(() => cache.set('b', 'B2'))
    expect(screen.getByTestId('v').textContent).toBe('B2')
    expect(cache.listenerCount).toBe(1)
  })
})

describe('useCacheKeys', () => {
  it('re-renders when the key set changes, not when a value changes, with a stable array', () => {
    const { cache, clock, renders, wrap } = setup()
    const seen: unknown[][] = []
    function Keys() {
      const keys = useCacheKeys<string>()
      renders.hit('keys')
      seen.push(keys)
      return <span data-testid="keys">{keys.join(',')}</span>
    }
    render(wrap(<Keys />))
    act(() => cache.set('a', 1))
    act(() => cache.set('b', 2, 50))
    expect(screen.getByTestId('keys').textContent).toBe('a,b')
    const count = renders.of('keys')
    act(() => cache.set('a', 3))
    act(() => cache.expire('a', 1000))
    expect(renders.of('keys')).toBe(count)
    act(() => clock.advance(50))
    expect(screen.getByTestId('keys').textContent).toBe('a')
    act(() => cache.delete('a'))
    expect(screen.getByTestId('keys').textContent).toBe('')
    expect(new Set(seen).size).toBe(renders.of('keys'))
  })
})

describe('useCachedValue', () => {
  it('calls the factory once on a miss, under StrictMode and for several components on one key', () => {
    const { cache, wrap } = setup()
    let calls = 0
    const factory = () => ++calls
    function Reader({ id }: { id: string }) {
      const value = useCachedValue('k', factory)
      return <span data-testid={id}>{value}</span>
    }
    render(
      <StrictMode>
        {wrap(
          <>
            <Reader id="r1" />
            <Reader id="r2" />
            <Reader id="r3" />
          </>,
        )}
      </StrictMode>,
    )
    expect(calls).toBe(1)
    expect(['r1', 'r2', 'r3'].map((id) => screen.getByTestId(id).textContent)).toEqual(['1', '1', '1'])
    expect(cache.get('k')).toBe(1)
  })

  it('renders once on mount, and tells already-mounted readers after commit without warnings', () => {
    const { renders, wrap } = setup()
    const Watcher = memo(function Watcher() {
      const item = useCacheItem<string>('k')
      const keys = useCacheKeys()
      renders.hit('watcher')
      return <span data-testid="w">{`${item?.value ?? '-'} ${keys.length}`}</span>
    })
    function Writer() {
      const value = useCachedValue('k', () => 'computed')
      renders.hit('writer')
      return <span>{value}</span>
    }
    function App() {
      const [show, setShow] = useState(false)
      return (
        <>
          <Watcher />
          <button type="button" onClick={() => setShow(true)}>
            show
          </button>
          {show && <Writer />}
        </>
      )
    }
    render(wrap(<App />))
    expect(screen.getByTestId('w').textContent).toBe('- 0')
    act(() => screen.getByText('show').click())
    expect(screen.getByTestId('w').textContent).toBe('computed 1')
    expect(renders.of('writer')).toBe(1)
    expect(renders.of('watcher')).toBe(2)
  })

  it('computes again when the entry expires, is deleted or flushed while mounted', () => {
    const { cache, clock, renders, wrap } = setup()
    let calls = 0
    function Reader() {
      const value = useCachedValue('k', () => ++calls, 1000)
      renders.hit('r')
      return <span data-testid="v">{value}</span>
    }
    render(wrap(<Reader />))
    expect(screen.getByTestId('v').textContent).toBe('1')
    act(() => clock.advance(1000))
    expect(screen.getByTestId('v').textContent).toBe('2')
    act(() => cache.delete('k'))
    expect(screen.getByTestId('v').textContent).toBe('3')
    act(() => cache.flush())
    expect(screen.getByTestId('v').textContent).toBe('4')
    expect(renders.of('r')).toBe(4)
    expect(clock.pending).toBe(1)
  })

  it('a clock component with ttl 1000 re-renders every second', () => {
    const { clock, renders, wrap } = setup()
    function Clock() {
      const time = useCachedValue('now', () => clock.now(), 1000)
      renders.hit('clock')
      return <span data-testid="t">{time}</span>
    }
    const start = clock.time
    render(wrap(<Clock />))
    for (let second = 1; second <= 5; second++) {
      act(() => clock.advance(1000))
      expect(screen.getByTestId('t').textContent).toBe(String(start + second * 1000))
    }
    expect(renders.of('clock')).toBe(6)
  })

  it('a factory that throws stores nothing, reaches the error boundary, and the next render retries', () => {
    const { cache, wrap } = setup()
    let fail = true
    function Reader() {
      const value = useCachedValue('k', () => {
        if (fail) throw new Error('boom')
        return 'ok'
      })
      return <span data-testid="v">{value}</span>
    }
    allowCaughtErrorReports(4)
    render(wrap(<Boundary>{<Reader />}</Boundary>))
    expect(screen.getByRole('button').textContent).toBe('retry after boom')
    expect(cache.has('k')).toBe(false)
    fail = false
    act(() => screen.getByRole('button').click())
    expect(screen.getByTestId('v').textContent).toBe('ok')
  })
})

describe('maxSize and readers', () => {
  it('never evicts an entry a mounted component reads, and nothing loops', () => {
    const { cache, wrap } = setup({ maxSize: 2 })
    let calls = 0
    function Reader({ k }: { k: string }) {
      const value = useCachedValue(k, () => {
        calls++
        return k.toUpperCase()
      })
      return <span data-testid={k}>{value}</span>
    }
    function App({ keys }: { keys: string[] }) {
      return (
        <>
          {keys.map((k) => (
            <Reader key={k} k={k} />
          ))}
        </>
      )
    }
    const all = ['a', 'b', 'c', 'd', 'e']
    const view = render(wrap(<App keys={all} />))
    expect(calls).toBe(5)
    expect(cache.size).toBe(5)
    expect(all.map((k) => screen.getByTestId(k).textContent)).toEqual(['A', 'B', 'C', 'D', 'E'])
    view.rerender(wrap(<App keys={['d', 'e']} />))
    expect(cache.keys()).toEqual(['d', 'e'])
    expect(calls).toBe(5)
  })
})

describe('providers and the default cache', () => {
  it('hooks outside a provider share the exported default cache', () => {
    function Reader() {
      const value = useCachedValue('shared', () => 'from default')
      return <span data-testid="v">{value}</span>
    }
    render(<Reader />)
    expect(defaultCache.get('shared')).toBe('from default')
    function Which() {
      return <span data-testid="same">{String(useCache() === defaultCache)}</span>
    }
    render(<Which />)
    expect(screen.getByTestId('same').textContent).toBe('true')
  })

  it('a provider makes a cache from its props, keeps its identity, and disposes it on unmount', () => {
    const caches: Cache[] = []
    function Grab() {
      caches.push(useCache())
      useCachedValue('k', () => 1, 1000)
      return null
    }
    const view = render(
      <CacheProvider defaultTtl={5000} maxSize={10}>
        <Grab />
      </CacheProvider>,
    )
    view.rerender(
      <CacheProvider defaultTtl={5000} maxSize={10}>
        <Grab />
      </CacheProvider>,
    )
    expect(new Set(caches).size).toBe(1)
    const cache = caches[0]
    expect(cache.defaultTtl).toBe(5000)
    expect(cache.listenerCount).toBe(1)
    view.unmount()
    expect(cache.listenerCount).toBe(0)
  })

  it('under StrictMode a provider-made cache still works after mount, unmount and mount again', () => {
    vi.useFakeTimers()
    try {
      let calls = 0
      function Reader() {
        const value = useCachedValue('k', () => ++calls, 1000)
        return <span data-testid="v">{value}</span>
      }
      render(
        <StrictMode>
          <CacheProvider>
            <Reader />
          </CacheProvider>
        </StrictMode>,
      )
      expect(screen.getByTestId('v').textContent).toBe('1')
      act(() => vi.advanceTimersByTime(1000))
      expect(screen.getByTestId('v').textContent).toBe('2')
      expect(vi.getTimerCount()).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('unmounting removes every listener the components added', () => {
    const { cache, wrap } = setup()
    function Everything({ k }: { k: string }) {
      useCacheItem(k)
      useCacheKeys()
      useCachedValue(`${k}-value`, () => 1)
      return null
    }
    const view = render(wrap(['a', 'b', 'c'].map((k) => <Everything key={k} k={k} />)))
    expect(cache.listenerCount).toBeGreaterThan(0)
    view.unmount()
    expect(cache.listenerCount).toBe(0)
  })
})
