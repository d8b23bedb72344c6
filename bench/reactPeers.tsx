// The stores compared in the React section. Loaded only after React's production build is chosen.
import { notifyManager, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { atom, createStore as createJotaiStore, Provider as JotaiProvider, useAtomValue } from 'jotai'
import { type ComponentType, createContext, memo, useContext, useState, useSyncExternalStore } from 'react'
import useSWR, { SWRConfig, useSWRConfig } from 'swr'
import { useStore } from 'zustand'
import { createStore as createZustandStore } from 'zustand/vanilla'
import type { Cache } from '../src/index'
import * as source from '../src/index'
import type { Contestant } from './react'

const N = 2_000
const indexes = Array.from({ length: N }, (_, i) => i)
const keyOf = (i: number) => `key:${i}`
/** The N components of a scenario. */
const all = (Item: ComponentType<{ i: number }>) => indexes.map((i) => <Item key={i} i={i} />)

/** The floor: the least a per-key useSyncExternalStore store can do. */
function floorStore() {
  const values = new Map<string, unknown>()
  const listeners = new Map<string, Set<() => void>>()
  let keys: string[] = []
  const keyListeners = new Set<() => void>()
  return {
    get: (key: string) => values.get(key),
    keys: () => keys,
    set(key: string, value: unknown) {
      if (!values.has(key)) {
        keys = [...keys, key]
        for (const l of keyListeners) l()
      }
      values.set(key, value)
      for (const l of listeners.get(key) ?? []) l()
    },
    subscribe(key: string, listener: () => void) {
      const set = listeners.get(key) ?? new Set()
      listeners.set(key, set)
      set.add(listener)
      return () => set.delete(listener)
    },
    subscribeKeys(listener: () => void) {
      keyListeners.add(listener)
      return () => keyListeners.delete(listener)
    },
  }
}

type OnRender = (i: number, seen: unknown) => void
type Poche = typeof source

/** poche from one module graph of the package: on its default cache, or on a cache given through a CacheProvider. */
function pocheContestant(name: string, poche: Poche, provided: boolean): Contestant {
  const { CacheProvider, useCacheItem, useCacheKeys } = poche
  // A fresh cache per mount; the default one is flushed instead.
  const mount = (Item: ComponentType<{ i: number }>) => {
    const cache = provided ? new poche.Cache<string, number>() : (poche.defaultCache as Cache<string, number>)
    cache.flush()
    const App = provided ? () => <CacheProvider cache={cache}>{all(Item)}</CacheProvider> : () => all(Item)
    return { cache, App }
  }
  return {
    name,
    perKey(onRender) {
      const Item = memo(({ i }: { i: number }) => {
        const item = useCacheItem<number, string>(keyOf(i))
        onRender(i, item?.value)
        return <span>{String(item?.value)}</span>
      })
      const { cache, App } = mount(Item)
      return { App, update: (i, v) => cache.set(keyOf(i), v) }
    },
    keyList(onRender) {
      const Item = memo(({ i }: { i: number }) => {
        const keys = useCacheKeys()
        onRender(i, keys.length)
        return <span>{keys.length}</span>
      })
      const { cache, App } = mount(Item)
      return { App, add: (key) => cache.set(key, 1) }
    },
  }
}

export async function reactContestants(): Promise<Contestant[]> {
  // TanStack Query batches notifications on a timer by default: deliver them at once, so the
  // figures measure rendering work, not a scheduling delay.
  notifyManager.setScheduler((callback) => callback())
  // The provider-less poche is the built package, a module graph of its own: hooks skip the
  // context read until a CacheProvider has rendered in their graph (see useCache), and the
  // CacheProvider contestant renders one in the source graph, so this one stays an app that
  // never uses a provider, through every round.
  const built = (await import(new URL('../dist/index.js', import.meta.url).href)) as Poche
  return [
    {
      name: 'floor',
      perKey(onRender) {
        const store = floorStore()
        const Item = memo(({ i }: { i: number }) => {
          const key = keyOf(i)
          const value = useSyncExternalStore(
            (l) => store.subscribe(key, l),
            () => store.get(key),
          )
          onRender(i, value)
          return <span>{String(value)}</span>
        })
        return { App: () => all(Item), update: (i, v) => store.set(keyOf(i), v) }
      },
      keyList(onRender) {
        const store = floorStore()
        const Item = memo(({ i }: { i: number }) => {
          const keys = useSyncExternalStore(store.subscribeKeys, store.keys)
          onRender(i, keys.length)
          return <span>{keys.length}</span>
        })
        return { App: () => all(Item), add: (key) => store.set(key, 1) }
      },
    },
    // Hooks outside any provider read the shared default cache and never touch React context,
    // like the floor.
    pocheContestant('poche', built, false),
    pocheContestant('poche in CacheProvider', source, true),
    {
      name: 'zustand',
      perKey(onRender) {
        const store = createZustandStore<Record<string, number>>(() => ({}))
        const Item = memo(({ i }: { i: number }) => {
          const value = useStore(store, (s) => s[keyOf(i)])
          onRender(i, value)
          return <span>{String(value)}</span>
        })
        return {
          App: () => all(Item),
          update: (i, v) => store.setState({ [keyOf(i)]: v }),
        }
      },
      keyList(onRender) {
        const store = createZustandStore<{ keys: string[] }>(() => ({ keys: [] }))
        const Item = memo(({ i }: { i: number }) => {
          const keys = useStore(store, (s) => s.keys)
          onRender(i, keys.length)
          return <span>{keys.length}</span>
        })
        return {
          App: () => all(Item),
          add: (key) => store.setState((s) => ({ keys: [...s.keys, key] })),
        }
      },
    },
    {
      name: 'jotai',
      perKey(onRender) {
        const store = createJotaiStore()
        const atoms = indexes.map(() => atom<number | undefined>(undefined))
        const Item = memo(({ i }: { i: number }) => {
          const value = useAtomValue(atoms[i])
          onRender(i, value)
          return <span>{String(value)}</span>
        })
        return {
          App: () => <JotaiProvider store={store}>{all(Item)}</JotaiProvider>,
          update: (i, v) => store.set(atoms[i], v),
        }
      },
      keyList(onRender) {
        const store = createJotaiStore()
        const keysAtom = atom<string[]>([])
        const Item = memo(({ i }: { i: number }) => {
          const keys = useAtomValue(keysAtom)
          onRender(i, keys.length)
          return <span>{keys.length}</span>
        })
        return {
          App: () => <JotaiProvider store={store}>{all(Item)}</JotaiProvider>,
          add: (key) => store.set(keysAtom, (keys) => [...keys, key]),
        }
      },
    },
    swr(),
    tanstack(),
    context(),
  ]
}

function swr(): Contestant {
  const setup = (onRender: OnRender, read: (i: number, data: unknown) => unknown, keyFor: (i: number) => string) => {
    let mutate: ReturnType<typeof useSWRConfig>['mutate'] | undefined
    const Grab = () => {
      mutate = useSWRConfig().mutate
      return null
    }
    const Item = memo(({ i }: { i: number }) => {
      const { data } = useSWR(keyFor(i), null, { revalidateOnMount: false, revalidateOnFocus: false })
      const seen = read(i, data)
      onRender(i, seen)
      return <span>{String(seen)}</span>
    })
    const App = () => (
      <SWRConfig value={{ provider: () => new Map() }}>
        <Grab />
        {all(Item)}
      </SWRConfig>
    )
    return { App, mutate: (key: string, value: unknown) => void mutate?.(key, value, false) }
  }
  return {
    name: 'SWR',
    perKey(onRender) {
      const { App, mutate } = setup(onRender, (_i, data) => data, keyOf)
      return { App, update: (i, v) => mutate(keyOf(i), v) }
    },
    keyList(onRender) {
      let keys: string[] = []
      const { App, mutate } = setup(
        onRender,
        (_i, data) => (data as string[] | undefined)?.length ?? 0,
        () => 'keys',
      )
      return {
        App,
        add: (key) => {
          keys = [...keys, key]
          mutate('keys', keys)
        },
      }
    },
  }
}

function tanstack(): Contestant {
  const setup = (onRender: OnRender, read: (data: unknown) => unknown, keyFor: (i: number) => string) => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
    const Item = memo(({ i }: { i: number }) => {
      const { data } = useQuery({ queryKey: [keyFor(i)], queryFn: () => null, enabled: false })
      const seen = read(data)
      onRender(i, seen)
      return <span>{String(seen)}</span>
    })
    const App = () => <QueryClientProvider client={client}>{all(Item)}</QueryClientProvider>
    return { App, client }
  }
  return {
    name: 'TanStack Query',
    perKey(onRender) {
      const { App, client } = setup(onRender, (data) => data, keyOf)
      return { App, update: (i, v) => client.setQueryData([keyOf(i)], v) }
    },
    keyList(onRender) {
      const { App, client } = setup(
        onRender,
        (data) => (data as string[] | undefined)?.length ?? 0,
        () => 'keys',
      )
      return { App, add: (key) => client.setQueryData<string[]>(['keys'], (keys = []) => [...keys, key]) }
    },
  }
}

function context(): Contestant {
  const setup = (onRender: OnRender, read: (i: number, map: Map<string, unknown>) => unknown) => {
    const Values = createContext(new Map<string, unknown>())
    let setValues: ((update: (map: Map<string, unknown>) => Map<string, unknown>) => void) | undefined
    const Item = memo(({ i }: { i: number }) => {
      const seen = read(i, useContext(Values))
      onRender(i, seen)
      return <span>{String(seen)}</span>
    })
    const App = () => {
      const [values, set] = useState(() => new Map<string, unknown>())
      setValues = set
      return <Values.Provider value={values}>{all(Item)}</Values.Provider>
    }
    const write = (key: string, value: unknown) => setValues?.((map) => new Map(map).set(key, value))
    return { App, write }
  }
  return {
    name: 'Context + Map',
    perKey(onRender) {
      const { App, write } = setup(onRender, (i, map) => map.get(keyOf(i)))
      return { App, update: (i, v) => write(keyOf(i), v) }
    },
    keyList(onRender) {
      const { App, write } = setup(onRender, (_i, map) => map.size)
      return { App, add: (key) => write(key, 1) }
    },
  }
}
