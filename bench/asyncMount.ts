// Scenario D of `npm run bench`: 1,000 components mount on 50 keys, each reading its key through
// an async fetcher that resolves on a microtask. Counts fetcher calls (one per key is the target)
// and times the mount until every component shows its data.
import type { ComponentType } from 'react'
import { loadReact, until } from './react'
import { fixed, inTurns, median, table } from './stats'

export const COMPONENTS = 1_000
const KEYS = 50
export const keyFor = (i: number) => `user:${i % KEYS}`

type Fetch = (key: string) => Promise<string>
type OnRender = (i: number, data: unknown) => void

export interface AsyncContestant {
  name: string
  /** The app of COMPONENTS readers, each calling `fetch(key)` through the library on a miss. */
  mount(fetch: Fetch, onRender: OnRender): ComponentType
}

export interface AsyncMountResult {
  name: string
  fetcherCalls: number
  msUntilShown: number
}

async function once(env: Awaited<ReturnType<typeof loadReact>>, contestant: AsyncContestant) {
  let calls = 0
  const fetch: Fetch = (key) => {
    calls++
    return Promise.resolve(`data of ${key}`)
  }
  let shown = 0
  const seen = new Array<unknown>(COMPONENTS)
  const App = contestant.mount(fetch, (i, data) => {
    if (seen[i] === undefined && data !== undefined) shown++
    seen[i] = data
  })
  const container = document.createElement('div')
  document.body.appendChild(container)
  const root = env.createRoot(container)
  const start = performance.now()
  env.flushSync(() => root.render(env.React.createElement(App)))
  await until(() => shown === COMPONENTS)
  const elapsed = performance.now() - start
  root.unmount()
  container.remove()
  return { calls, elapsed }
}

export async function runAsyncMount(rounds: number): Promise<AsyncMountResult[]> {
  const env = await loadReact()
  const { asyncContestants } = await import('./asyncPeers')
  // TanStack Query batches notifications on a timer by default: deliver them at once.
  ;(await import('@tanstack/react-query')).notifyManager.setScheduler((callback) => callback())
  const runs = await inTurns(asyncContestants, rounds, (contestant) => once(env, contestant))
  const results: AsyncMountResult[] = []
  for (const [i, contestant] of asyncContestants.entries()) {
    const mine = runs[i] ?? []
    const result = {
      name: contestant.name,
      fetcherCalls: Math.max(...mine.map((r) => r.calls)),
      msUntilShown: median(mine.map((r) => r.elapsed)),
    }
    results.push(result)
    process.stdout.write(
      `  D · ${result.name}: ${result.fetcherCalls} fetcher calls, ${fixed(result.msUntilShown, 1)} ms until all shown\n`,
    )
  }
  return results
}

export const asyncMountTable = (results: AsyncMountResult[]): string => {
  const ours = results.find((r) => r.name === 'poche') as AsyncMountResult
  return table(
    ['library', 'fetcher calls', 'ms until all 1,000 show data', '× poche'],
    results.map((r) => [
      r.name,
      String(r.fetcherCalls),
      fixed(r.msUntilShown, 1),
      `${fixed(r.msUntilShown / ours.msUntilShown)}×`,
    ]),
  )
}
