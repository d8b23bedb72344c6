// The libraries compared in scenario D. Loaded only after React's production build is chosen.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { memo } from 'react'
import useSWR, { SWRConfig } from 'swr'
import { Cache, CacheProvider, useCachedAsync } from '../src/index'
import { type AsyncContestant, COMPONENTS, keyFor } from './asyncMount'

const indexes = Array.from({ length: COMPONENTS }, (_, i) => i)

export const asyncContestants: AsyncContestant[] = [
  {
    name: 'poche',
    mount(fetch, onRender) {
      const cache = new Cache<string, unknown>()
      const Item = memo(({ i }: { i: number }) => {
        const key = keyFor(i)
        const { data } = useCachedAsync(key, () => fetch(key))
        onRender(i, data)
        return <span>{String(data)}</span>
      })
      return () => (
        <CacheProvider cache={cache}>
          {indexes.map((i) => (
            <Item key={i} i={i} />
          ))}
        </CacheProvider>
      )
    },
  },
  {
    name: 'SWR',
    mount(fetch, onRender) {
      const Item = memo(({ i }: { i: number }) => {
        const { data } = useSWR(keyFor(i), fetch, { revalidateOnFocus: false })
        onRender(i, data)
        return <span>{String(data)}</span>
      })
      return () => (
        <SWRConfig value={{ provider: () => new Map() }}>
          {indexes.map((i) => (
            <Item key={i} i={i} />
          ))}
        </SWRConfig>
      )
    },
  },
  {
    name: 'TanStack Query',
    mount(fetch, onRender) {
      const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } })
      const Item = memo(({ i }: { i: number }) => {
        const key = keyFor(i)
        const { data } = useQuery({ queryKey: [key], queryFn: () => fetch(key) })
        onRender(i, data)
        return <span>{String(data)}</span>
      })
      return () => (
        <QueryClientProvider client={client}>
          {indexes.map((i) => (
            <Item key={i} i={i} />
          ))}
        </QueryClientProvider>
      )
    },
  },
]
