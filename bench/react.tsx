// The React sections, on jsdom and React's production build (index.ts sets both up first): A, B, C and D.
import { notifyManager, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { atom, createStore as createJotaiStore, Provider as JotaiProvider, useAtomValue } from 'jotai'
import { createContext, memo, type ReactNode, useContext, useState, useSyncExternalStore } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import useSWR, { type ScopedMutator, SWRConfig, useSWRConfig } from 'swr'
import { createStore as createZustandStore, useStore } from 'zustand'
import * as source from '../src/index'
import { inTurns, median } from './stats'

const [N, UPDATES] = [2_000, 200]
const keyOf = (i: number) => `key:${i}`
/** What component i shows, and the tree around the components (called as the app renders: it may hold state). */
type Mount = { useValue(i: number): unknown; useRoot?(items: ReactNode): ReactNode }
/** A fresh store for one mount: A reads key i (`useKey`) and `set`s it, B reads the key count and `add`s a key. */
type Store = Omit<Mount, 'useValue'> & { useKey(i: number): unknown; set(i: number, v: number): void } & B
type B = { useCount(): number; add(key: string): void }
notifyManager.setScheduler((callback) => callback()) // TanStack Query's notifications at once, not on a timer
/** `n` memo components in a fresh root, component i showing `useValue(i)`; `render` resolves once `done()` holds. */
function mount({ useValue, useRoot = (items) => items }: Mount, n: number, onRender: (i: number, v: unknown) => void) {
  const Item = memo(({ i }: { i: number }) => {
    const seen = useValue(i)
    onRender(i, seen)
    return <span>{String(seen)}</span>
  })
  const indexes = Array.from({ length: n }, (_, i) => i)
  const App = () => useRoot(indexes.map((i) => <Item key={i} i={i} />))
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  const unmount = () => {
    root.unmount()
    container.remove()
  }
  return { render: (done: () => boolean) => until(done, () => flushSync(() => root.render(<App />))), unmount }
}
/** Runs `act`, then waits until `done()` holds, yielding to microtasks, then to macrotasks if need be. */
async function until(done: () => boolean, act?: () => void): Promise<void> {
  act?.()
  for (let i = 0; !done(); i++) {
    await (i < 50 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 0)))
    if (i > 10_000) throw new Error('a change never showed')
  }
}
// Scenario A or B: N components, then UPDATES changes, each done once the component that must show it has. A sets key
// 7n mod N to n (spread over the keys, each to a value it has not had); B adds the n-th key, which every reader counts.
async function changes(s: Store, scenario: string) {
  const [a, last] = [scenario.startsWith('A'), new Map<number, unknown>()]
  let renders = 0
  const tree = mount({ ...s, useValue: a ? s.useKey : s.useCount }, N, (i, seen) => {
    renders++
    last.set(i, seen)
  })
  await tree.render(() => last.size === N)
  renders = 0
  const start = performance.now()
  for (let n = 1; n <= UPDATES; n++) {
    const i = a ? (n * 7) % N : N - 1 // the component that must show n
    flushSync(() => (a ? s.set(i, n) : s.add(`new:${n}`)))
    await until(() => Object.is(last.get(i), n))
  }
  const ms = (performance.now() - start) / UPDATES
  tree.unmount()
  return { ms, renders: renders / UPDATES }
}
export async function rerenders(rounds: number) {
  const results: { scenario: string; name: string; ms: number; renders: number }[] = []
  for (const scenario of ['A: set one of 2,000 keys', 'B: add a key, 2,000 key-list readers']) {
    const runs = await inTurns(Object.values(stores), rounds, (make) => changes(make(), scenario))
    const mid = (i: number, key: 'ms' | 'renders') => median(runs[i].map((run) => run[key]))
    for (const [i, name] of Object.keys(stores).entries())
      results.push({ scenario, name, ms: mid(i, 'ms'), renders: mid(i, 'renders') })
  }
  return results
}
/** Scenario C: N readers whose keys expire at N distinct times, on a clock moved by hand. */
export async function expiringReaders() {
  let [time, id, created, maxPending, stray] = [0, 0, 0, 0, 0]
  const timers = new Map<number, { at: number; callback: () => void }>()
  const setTimeout = (callback: () => void, ms: number) => {
    maxPending = Math.max(maxPending, timers.set(++id, { at: time + ms, callback }).size)
    created++
    return id
  }
  const clearTimeout = (handle: unknown) => timers.delete(handle as number)
  const cache = new source.Cache<string, number>({ clock: { now: () => time, setTimeout, clearTimeout } })
  for (let i = 0; i < N; i++) cache.set(keyOf(i), i, i + 1)
  const rendered: number[] = []
  const useRoot = (items: ReactNode) => <source.CacheProvider cache={cache}>{items}</source.CacheProvider>
  const useValue = (i: number) => source.useCacheItem<number, string>(keyOf(i))?.value
  const tree = mount({ useValue, useRoot }, N, (i) => rendered.push(i))
  await tree.render(() => true)
  rendered.length = 0
  const start = performance.now()
  for (let i = 0; i < N; i++) {
    time = i + 1
    const due = [...timers].filter(([, t]) => t.at <= time)
    for (const [id] of due) timers.delete(id)
    flushSync(() => {
      for (const [, t] of due) t.callback()
    })
    if (rendered.length !== 1 || rendered[0] !== i) stray++ // re-rendered more than its own reader
    rendered.length = 0
  }
  const msPerExpiry = (performance.now() - start) / N
  tree.unmount()
  return { msPerExpiry, stray, created, maxPending }
}
/** Scenario D: each library's async hook, on a store of `stores` (for its provider); fetcher calls and time to data. */
const fetched: Record<string, (key: string, fetch: (key: string) => Promise<string>) => unknown> = {
  'poche in CacheProvider': (key, fetch) => source.useCachedAsync(key, () => fetch(key)).data,
  SWR: (key, fetch) => useSWR(key, fetch, { revalidateOnFocus: false }).data,
  'TanStack Query': (key, fetch) => useQuery({ queryKey: [key], queryFn: () => fetch(key) }).data,
}
export async function asyncMount(rounds: number) {
  const runs = await inTurns(Object.entries(fetched), rounds, async ([name, useFetched]) => {
    const shown = new Set<number>() // the components that have shown their data
    let calls = 0
    const fetch = (key: string) => {
      calls++
      return Promise.resolve(`data of ${key}`)
    }
    const useValue = (i: number) => useFetched(`user:${i % 50}`, fetch)
    const tree = mount({ ...stores[name](), useValue }, 1000, (i, data) => data !== undefined && shown.add(i))
    const start = performance.now()
    await tree.render(() => shown.size === 1000)
    const ms = performance.now() - start
    tree.unmount()
    return { calls, ms }
  })
  const most = (i: number) => Math.max(...runs[i].map((r) => r.calls))
  return Object.keys(fetched).map((name, i) => ({ name, calls: most(i), ms: median(runs[i].map((r) => r.ms)) }))
}
/**
 * Scenario E: 1,000 components on 200 keys (component i reads key i mod 200), every value stale once shown; then one
 * return to the page as a browser makes it (visibilitychange to hidden and blur, then visibilitychange to visible and
 * focus): fetcher calls it made, and ms until every component shows the value fetched after the return.
 */
const refreshed: Record<string, (key: string, fetch: (key: string) => Promise<string>) => unknown> = {
  'poche in CacheProvider': (key, fetch) => source.useCachedAsync(key, () => fetch(key), { staleTime: 0 }).data,
  // Without a throttle and with the shortest dedupe, so that a return right after the first fetch revalidates.
  SWR: (key, fetch) => useSWR(key, fetch, { focusThrottleInterval: 0, dedupingInterval: 0 }).data,
  'TanStack Query': (key, fetch) => useQuery({ queryKey: [key], queryFn: () => fetch(key), staleTime: 0 }).data,
}
export async function returnToPage(rounds: number) {
  let visibility: DocumentVisibilityState = 'visible'
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' })
  const runs = await inTurns(Object.entries(refreshed), rounds, async ([name, useFetched]) => {
    const latest = new Map<number, unknown>()
    let [calls, generation] = [0, 0]
    const fetch = (key: string) => {
      calls++
      return Promise.resolve(`${key} #${generation}`)
    }
    const useValue = (i: number) => useFetched(`user:${i % 200}`, fetch)
    const tree = mount({ ...stores[name](), useValue }, 1000, (i, data) => latest.set(i, data))
    const showing = (n: number) => () =>
      [...latest.values()].filter((v) => String(v).endsWith(` #${n}`)).length === 1000
    await tree.render(showing(0))
    // Whatever the libraries still do after the first fetch (dedupe windows end on a timer) ends first.
    await new Promise((resolve) => setTimeout(resolve, 20))
    ;[calls, generation] = [0, 1]
    const start = performance.now()
    visibility = 'hidden'
    document.dispatchEvent(new window.Event('visibilitychange', { bubbles: true }))
    window.dispatchEvent(new window.Event('blur'))
    visibility = 'visible'
    document.dispatchEvent(new window.Event('visibilitychange', { bubbles: true }))
    window.dispatchEvent(new window.Event('focus'))
    await until(showing(1))
    const ms = performance.now() - start
    // Late duplicates, if any, are counted too.
    await new Promise((resolve) => setTimeout(resolve, 20))
    tree.unmount()
    return { calls, ms }
  })
  const most = (i: number) => Math.max(...runs[i].map((r) => r.calls))
  return Object.keys(refreshed).map((name, i) => ({ name, calls: most(i), ms: median(runs[i].map((r) => r.ms)) }))
}
/** The floor: the least a per-key useSyncExternalStore store can do (B: one shared key-list snapshot). */
function floor(): Store {
  const [values, listeners] = [new Map<string, unknown>(), new Map<string, Set<() => void>>()]
  let keys: string[] = []
  const getKeys = () => keys
  const subscribe = (key: string, listener: () => void) => {
    const set = listeners.get(key) ?? new Set()
    listeners.set(key, set.add(listener))
    return () => set.delete(listener)
  }
  const subscribeKeys = (listener: () => void) => subscribe('', listener) // the key list's listeners: under ''
  const write = (key: string, value: unknown) => {
    const added = !values.has(key)
    values.set(key, value)
    if (added) keys = [...keys, key]
    for (const k of added ? ['', key] : [key]) for (const l of listeners.get(k) ?? []) l()
  }
  return {
    useKey(i) {
      const key = keyOf(i)
      const snapshot = () => values.get(key)
      return useSyncExternalStore((l) => subscribe(key, l), snapshot)
    },
    useCount: () => useSyncExternalStore(subscribeKeys, getKeys).length,
    set: (i, v) => write(keyOf(i), v),
    add: (key) => write(key, 1),
  }
}
/** SWR on a cache of its own (its provider); `Grab` takes the `mutate` bound to that cache. */
function swr(): Store {
  let mutate: ScopedMutator | undefined
  const Grab = () => {
    mutate = useSWRConfig().mutate
    return null
  }
  const useData = (key: string) => useSWR(key, null, { revalidateOnMount: false, revalidateOnFocus: false }).data
  return {
    useRoot: (items) => (
      <SWRConfig value={{ provider: () => new Map() }}>
        <Grab />
        {items}
      </SWRConfig>
    ),
    useKey: (i) => useData(keyOf(i)),
    useCount: () => (useData('keys') as string[] | undefined)?.length ?? 0,
    set: (i, v) => void mutate?.(keyOf(i), v, false),
    add: (key) => void mutate?.('keys', (keys: string[] = []) => [...keys, key], false),
  }
}
/** poche on its default cache (`provided` false) or on a fresh cache given by a CacheProvider. */
const poche = (lib: typeof source, provided: boolean) => (): Store => {
  const cache = provided ? new lib.Cache<string, number>() : (lib.defaultCache as source.Cache<string, number>)
  cache.flush()
  return {
    useRoot: provided ? (items) => <lib.CacheProvider cache={cache}>{items}</lib.CacheProvider> : undefined,
    useKey: (i) => lib.useCacheItem<number, string>(keyOf(i))?.value,
    useCount: () => lib.useCacheKeys().length,
    set: (i, v) => cache.set(keyOf(i), v),
    add: (key) => cache.set(key, 1),
  }
}
// The contestants of A and B in turn order, each making a fresh store per mount. The provider-less poche is the built
// package, a module graph of its own: hooks skip the context read until a CacheProvider has rendered in their graph,
// and the CacheProvider contestant renders one in the source graph, so this one stays an app that never uses one.
const built: typeof source = await import(new URL('../dist/index.js', import.meta.url).href)
const stores: Record<string, () => Store> = {
  floor,
  poche: poche(built, false),
  'poche in CacheProvider': poche(source, true),
  zustand() {
    const values = createZustandStore<Record<string, number>>(() => ({}))
    const list = createZustandStore<{ keys: string[] }>(() => ({ keys: [] }))
    return {
      useKey: (i) => useStore(values, (s) => s[keyOf(i)]),
      useCount: () => useStore(list, (s) => s.keys).length,
      set: (i, v) => values.setState({ [keyOf(i)]: v }),
      add: (key) => list.setState((s) => ({ keys: [...s.keys, key] })),
    }
  },
  jotai() {
    const [store, keys] = [createJotaiStore(), atom<string[]>([])]
    const atoms = Array.from({ length: N }, () => atom<number | undefined>(undefined))
    return {
      useRoot: (items) => <JotaiProvider store={store}>{items}</JotaiProvider>,
      useKey: (i) => useAtomValue(atoms[i]),
      useCount: () => useAtomValue(keys).length,
      set: (i, v) => store.set(atoms[i], v),
      add: (key) => store.set(keys, (list) => [...list, key]),
    }
  },
  SWR: swr,
  'TanStack Query'() {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
    const useData = (key: string) => useQuery({ queryKey: [key], queryFn: () => null, enabled: false }).data
    return {
      useRoot: (items) => <QueryClientProvider client={client}>{items}</QueryClientProvider>,
      useKey: (i) => useData(keyOf(i)),
      useCount: () => (useData('keys') as string[] | undefined)?.length ?? 0,
      set: (i, v) => client.setQueryData([keyOf(i)], v),
      add: (key) => client.setQueryData<string[]>(['keys'], (keys = []) => [...keys, key]),
    }
  },
  'Context + Map'() {
    const Values = createContext(new Map<string, unknown>())
    let setValues: (update: (map: Map<string, unknown>) => Map<string, unknown>) => void = () => {}
    const write = (key: string, value: unknown) => setValues((map) => new Map(map).set(key, value))
    return {
      useRoot(items) {
        const [values, set] = useState(() => new Map<string, unknown>())
        setValues = set
        return <Values.Provider value={values}>{items}</Values.Provider>
      },
      useKey: (i) => useContext(Values).get(keyOf(i)),
      useCount: () => useContext(Values).size,
      set: (i, v) => write(keyOf(i), v),
      add: (key) => write(key, 1),
    }
  },
}
