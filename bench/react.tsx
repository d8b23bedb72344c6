// React section of `npm run bench`: re-render cost of one key's change under jsdom with React's
// production build, poche beside a hand-written per-key store (the floor) and the usual peers.
// Each contestant mounts N components, then makes UPDATES changes one at a time; a change counts
// as done when the component that must show it has rendered it.
import type { ComponentType } from 'react'
import { fixed, inTurns, median, table } from './stats'

const N = 2_000
const UPDATES = 200

export interface Contestant {
  name: string
  /** Scenario A: component i reads key i. `update(i, v)` sets key i to v. */
  perKey(onRender: (i: number, value: unknown) => void): { App: ComponentType; update(i: number, v: number): void }
  /** Scenario B: every component reads the key list. `add(key)` adds one key. */
  keyList(onRender: (i: number, length: unknown) => void): { App: ComponentType; add(key: string): void }
}

export interface ReactResult {
  scenario: string
  name: string
  msPerUpdate: number
  rendersPerUpdate: number
}

type Env = Awaited<ReturnType<typeof loadReact>>

export async function loadReact() {
  // React picks its build when first loaded: production, as apps ship it.
  process.env.NODE_ENV = 'production'
  const { JSDOM } = await import('jsdom')
  const dom = new JSDOM('<!doctype html><html><body></body></html>')
  Object.assign(globalThis, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator })
  const React = await import('react')
  const { createRoot } = await import('react-dom/client')
  const { flushSync } = await import('react-dom')
  return { React, createRoot, flushSync }
}

/** Waits until `done()` holds, yielding to microtasks, then to macrotasks if need be. */
export async function until(done: () => boolean): Promise<void> {
  for (let i = 0; !done(); i++) {
    if (i < 50) await Promise.resolve()
    else await new Promise((resolve) => setTimeout(resolve, 0))
    if (i > 10_000) throw new Error('a change never showed')
  }
}

async function runScenario(
  env: Env,
  mount: (onRender: (i: number, seen: unknown) => void) => { App: ComponentType; act(step: number): unknown },
  shown: (step: number) => { index: number; value: unknown },
): Promise<{ msPerUpdate: number; rendersPerUpdate: number }> {
  let renders = 0
  const last = new Map<number, unknown>()
  const { App, act } = mount((i, seen) => {
    renders++
    last.set(i, seen)
  })
  const container = document.createElement('div')
  document.body.appendChild(container)
  const root = env.createRoot(container)
  env.flushSync(() => root.render(env.React.createElement(App)))
  await until(() => last.size === N)
  renders = 0
  const start = performance.now()
  for (let step = 1; step <= UPDATES; step++) {
    env.flushSync(() => {
      act(step)
    })
    const { index, value } = shown(step)
    await until(() => Object.is(last.get(index), value))
  }
  const elapsed = performance.now() - start
  const rendersTotal = renders
  root.unmount()
  container.remove()
  return { msPerUpdate: elapsed / UPDATES, rendersPerUpdate: rendersTotal / UPDATES }
}

export async function runReact(contestants: (env: Env) => Promise<Contestant[]>, rounds: number) {
  const env = await loadReact()
  const list = await contestants(env)
  const results: ReactResult[] = []
  const scenarios = [
    {
      scenario: 'A: set one of 2,000 keys',
      run: (c: Contestant) =>
        runScenario(
          env,
          (onRender) => {
            const { App, update } = c.perKey(onRender)
            // Spread the changes over the keys, each to a value it has not had.
            return { App, act: (step) => update((step * 7) % N, step) }
          },
          (step) => ({ index: (step * 7) % N, value: step }),
        ),
    },
    {
      scenario: 'B: add a key, 2,000 key-list readers',
      run: (c: Contestant) =>
        runScenario(
          env,
          (onRender) => {
            const { App, add } = c.keyList(onRender)
            return { App, act: (step) => add(`new:${step}`) }
          },
          (step) => ({ index: N - 1, value: step }),
        ),
    },
  ]
  for (const { scenario, run } of scenarios) {
    const runs = await inTurns(list, rounds, run)
    for (const [i, contestant] of list.entries()) {
      const mine = runs[i] ?? []
      const result = {
        scenario,
        name: contestant.name,
        msPerUpdate: median(mine.map((r) => r.msPerUpdate)),
        rendersPerUpdate: median(mine.map((r) => r.rendersPerUpdate)),
      }
      results.push(result)
      process.stdout.write(
        `  ${scenario} · ${contestant.name}: ${fixed(result.msPerUpdate, 3)} ms, ${fixed(result.rendersPerUpdate, 1)} renders per update\n`,
      )
    }
  }
  return results
}

export interface ExpiryScenarioResult {
  msPerExpiry: number
  /** Expiries whose firing re-rendered anything but the one reader of the expired key. */
  strayRenders: number
  maxTimersPending: number
  timersCreated: number
}

/**
 * Scenario C: N mounted readers whose keys expire at N distinct times, on a clock the bench
 * moves by hand. Each expiry must re-render its own reader and nothing else, with one timer.
 */
export async function runExpiryScenario(): Promise<ExpiryScenarioResult> {
  const env = await loadReact()
  const { Cache, CacheProvider, useCacheItem } = await import('../src/index')
  let time = 0
  let timers: Array<{ at: number; callback: () => void; id: number }> = []
  let nextId = 0
  let maxTimersPending = 0
  let timersCreated = 0
  const clock = {
    now: () => time,
    setTimeout: (callback: () => void, ms: number) => {
      timersCreated++
      timers.push({ at: time + ms, callback, id: ++nextId })
      maxTimersPending = Math.max(maxTimersPending, timers.length)
      return nextId
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id)
    },
  }
  const cache = new Cache<string, number>({ clock })
  const rendered: number[] = []
  const { createElement, memo } = env.React
  const Item = memo(({ i }: { i: number }) => {
    const item = useCacheItem<number, string>(`key:${i}`)
    rendered.push(i)
    return createElement('span', null, String(item?.value))
  })
  for (let i = 0; i < N; i++) cache.set(`key:${i}`, i, i + 1)
  const container = document.createElement('div')
  const root = env.createRoot(container)
  env.flushSync(() =>
    root.render(
      createElement(
        CacheProvider,
        { cache },
        ...Array.from({ length: N }, (_, i) => createElement(Item, { key: i, i })),
      ),
    ),
  )
  rendered.length = 0
  let strayRenders = 0
  const start = performance.now()
  for (let i = 0; i < N; i++) {
    time = i + 1
    const due = timers.filter((t) => t.at <= time)
    timers = timers.filter((t) => t.at > time)
    env.flushSync(() => {
      for (const t of due) t.callback()
    })
    if (rendered.length !== 1 || rendered[0] !== i) strayRenders++
    rendered.length = 0
  }
  const elapsed = performance.now() - start
  root.unmount()
  return {
    msPerExpiry: elapsed / N,
    strayRenders,
    maxTimersPending,
    timersCreated,
  }
}

export const reactTable = (results: ReactResult[]): string => {
  const rows: string[][] = []
  for (const r of results) {
    const floor = results.find((f) => f.scenario === r.scenario && f.name === 'floor') as ReactResult
    rows.push([
      r.scenario,
      r.name,
      fixed(r.msPerUpdate, 3),
      `${fixed(r.msPerUpdate / floor.msPerUpdate)}×`,
      fixed(r.rendersPerUpdate, 1),
    ])
  }
  return table(['scenario', 'store', 'ms per update', '× floor', 'renders per update'], rows)
}
