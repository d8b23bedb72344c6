// @vitest-environment jsdom
// HydrateCache and CacheProvider's snapshot: the children's first render already reads the
// snapshot's entries, with no request and no suspension; nothing updates during a render.
import { act, render, screen } from '@testing-library/react'
import { memo, StrictMode, Suspense, useState } from 'react'
import { expect, it, vi } from 'vitest'
import {
  Cache,
  CacheProvider,
  type CacheSnapshot,
  HydrateCache,
  useCachedAsync,
  useCacheItem,
  useSuspenseCachedValue,
} from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher } from '../helpers/deferred'

const snapshotAt = (time: number, entries: [string, unknown, number | null][]): CacheSnapshot => ({
  version: 1,
  entries: entries.map(([key, value, ttl]) => [key, value, ttl === null ? null : time + ttl]),
})

it('the children’s first render reads the entries: useCachedAsync shows success and makes no request', () => {
  const { cache, clock, wrap, renders } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  const firstRenders: string[] = []
  function User() {
    const { data, status, isFetching } = useCachedAsync('user', fetcher, 60_000)
    renders.hit('user')
    firstRenders.push(`${status}:${data}:${isFetching}`)
    return <p data-testid="user">{data}</p>
  }
  render(
    wrap(
      <HydrateCache snapshot={snapshotAt(clock.time, [['user', 'ada', 30_000]])}>
        <User />
      </HydrateCache>,
    ),
  )
  expect(firstRenders).toEqual(['success:ada:false'])
  expect(screen.getByTestId('user').textContent).toBe('ada')
  expect(calls).toHaveLength(0)
  expect(renders.of('user')).toBe(1)
  expect(cache.getItem('user')?.expiration).toBe(clock.time + 30_000)
})

it('useSuspenseCachedValue shows a hydrated value without suspending, and fetches again at its own time', async () => {
  const { clock, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  const fallbacks = vi.fn(() => <p>loading</p>)
  function Price() {
    return <p data-testid="price">{useSuspenseCachedValue('price', fetcher, 60_000)}</p>
  }
  const Fallback = fallbacks
  render(
    wrap(
      <HydrateCache snapshot={snapshotAt(clock.time, [['price', '10 €', 1000]])}>
        <Suspense fallback={<Fallback />}>
          <Price />
        </Suspense>
      </HydrateCache>,
    ),
  )
  expect(screen.getByTestId('price').textContent).toBe('10 €')
  expect(fallbacks).not.toHaveBeenCalled()
  expect(calls).toHaveLength(0)
  // It expires like any entry, and is fetched again then.
  act(() => clock.advance(1000))
  expect(calls).toHaveLength(1)
  await act(async () => calls[0]?.resolve('11 €'))
  expect(screen.getByTestId('price').textContent).toBe('11 €')
})

it('never overwrites a live entry, and readers mounted elsewhere hear of new keys only after commit', () => {
  const { cache, clock, wrap, renders } = cacheSetup()
  cache.set('a', 'live', 60_000)
  // memo: App's own re-render does not reach them, so their counts are the cache's doing.
  const Reader = memo(function Reader({ id, k }: { id: string; k: string }) {
    const item = useCacheItem<string>(k)
    renders.hit(id)
    return <span data-testid={id}>{item?.value ?? '-'}</span>
  })
  let showHydrated!: (on: boolean) => void
  function App() {
    const [on, setOn] = useState(false)
    showHydrated = setOn
    return (
      <>
        <Reader id="elsewhere-a" k="a" />
        <Reader id="elsewhere-b" k="b" />
        {on && (
          <HydrateCache
            snapshot={snapshotAt(clock.time, [
              ['a', 'server', 60_000],
              ['b', 'server', 60_000],
            ])}
          >
            <Reader id="inside-b" k="b" />
          </HydrateCache>
        )}
      </>
    )
  }
  render(wrap(<App />))
  expect(screen.getByTestId('elsewhere-b').textContent).toBe('-')
  // console.error (a "Cannot update a component while rendering" warning) fails the test.
  act(() => showHydrated(true))
  expect(screen.getByTestId('inside-b').textContent).toBe('server')
  expect(screen.getByTestId('elsewhere-b').textContent).toBe('server')
  expect(screen.getByTestId('elsewhere-a').textContent).toBe('live')
  expect(cache.get('a')).toBe('live')
  expect([renders.of('elsewhere-a'), renders.of('elsewhere-b'), renders.of('inside-b')]).toEqual([1, 2, 1])
})

it('a new snapshot prop replaces entries with overwrite, announced after commit', () => {
  const { cache, clock, wrap, renders } = cacheSetup()
  function Reader() {
    const item = useCacheItem<number>('n')
    renders.hit('reader')
    return <span data-testid="n">{String(item?.value)}</span>
  }
  const page = (snapshot: CacheSnapshot) =>
    wrap(
      <HydrateCache snapshot={snapshot}>
        <Reader />
      </HydrateCache>,
    )
  const view = render(page(snapshotAt(clock.time, [['n', 1, 60_000]])))
  expect(screen.getByTestId('n').textContent).toBe('1')
  const newer = snapshotAt(clock.time, [['n', 2, 90_000]])
  view.rerender(page(newer))
  expect(screen.getByTestId('n').textContent).toBe('2')
  expect(cache.getItem('n')?.expiration).toBe(clock.time + 90_000)
  // One render for the new props (still 1), one for the announced write.
  expect(renders.of('reader')).toBe(3)
  // The same snapshot again changes nothing.
  view.rerender(page(newer))
  expect(renders.of('reader')).toBe(4)
  expect(cache.get('n')).toBe(2)
})

it('works under StrictMode, and CacheProvider snapshot hydrates the cache it makes', () => {
  const { fetcher, calls } = controlledFetcher<string>()
  function User() {
    const { data, status } = useCachedAsync('user', fetcher)
    return <p data-testid="user">{`${status}:${data}`}</p>
  }
  render(
    <StrictMode>
      <CacheProvider snapshot={snapshotAt(Date.now(), [['user', 'grace', 60_000]])}>
        <User />
      </CacheProvider>
    </StrictMode>,
  )
  expect(screen.getByTestId('user').textContent).toBe('success:grace')
  expect(calls).toHaveLength(0)
})

it('a malformed snapshot is reported through onError (console.error by default), stores nothing and renders the children', () => {
  const cache = new Cache<string, unknown>()
  cache.set('kept', 1)
  const onError = vi.fn()
  render(
    <CacheProvider cache={cache}>
      <HydrateCache snapshot={{ version: 2 } as unknown as CacheSnapshot} onError={onError}>
        <p data-testid="child">child</p>
      </HydrateCache>
    </CacheProvider>,
  )
  expect(screen.getByTestId('child').textContent).toBe('child')
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(TypeError)
  expect(cache.keys()).toEqual(['kept'])
})

it('a snapshot made anew on every render with the same content changes nothing (no render loop)', () => {
  const { clock, wrap, renders } = cacheSetup()
  const expiration = clock.time + 60_000
  function Page() {
    const item = useCacheItem<number>('n')
    renders.hit('page')
    // A new object each render, as JSON.parse in render would give.
    const snapshot: CacheSnapshot = { version: 1, entries: [['n', 1, expiration]] }
    return (
      <HydrateCache snapshot={snapshot}>
        <span data-testid="n">{String(item?.value)}</span>
      </HydrateCache>
    )
  }
  render(wrap(<Page />))
  expect(screen.getByTestId('n').textContent).toBe('1')
  expect(renders.of('page')).toBeLessThanOrEqual(2)
})

it('CacheProvider keeps its children mounted when a snapshot arrives later, and applies it', () => {
  const cache = new Cache<string, unknown>()
  let mounts = 0
  function Child() {
    useState(() => mounts++)
    const item = useCacheItem<string>('k')
    return <span data-testid="k">{String(item?.value)}</span>
  }
  const view = render(
    <CacheProvider cache={cache}>
      <Child />
    </CacheProvider>,
  )
  view.rerender(
    <CacheProvider cache={cache} snapshot={snapshotAt(Date.now(), [['k', 'late', 60_000]])}>
      <Child />
    </CacheProvider>,
  )
  expect(mounts).toBe(1)
  expect(screen.getByTestId('k').textContent).toBe('late')
})
