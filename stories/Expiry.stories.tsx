import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import cacheSource from '../src/core/cache.ts?raw'
import { CacheProvider, useCache, useCacheItem, useCacheKeys } from '../src/index'
import { TimeLeft } from './parts/TimeLeft'
import { tsdoc } from './parts/tsdoc'

const COUNT = 20

function Row({ k }: { k: string }) {
  const item = useCacheItem<number, string>(k)
  if (!item) return null
  return (
    <li>
      {k} <TimeLeft expiration={item.expiration} />
    </li>
  )
}

/** When each key left, against when it was due: an expiry is never early. */
function Departures({ due }: { due: Map<string, number> }) {
  const cache = useCache<string, number>()
  const [lines, setLines] = useState<string[]>([])
  useEffect(
    () =>
      cache.onEvent((event) => {
        if (event.type !== 'expire') return
        const at = Date.now()
        const late = at - (due.get(event.key) ?? at)
        setLines((list) => [...list, `${event.key} ${late >= 0 ? `left ${late} ms after due` : 'left EARLY'}`])
      }),
    [cache, due],
  )
  return (
    <ol aria-label="departures">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ol>
  )
}

function Staggered({ step }: { step: number }) {
  const cache = useCache<string, number>()
  const keys = useCacheKeys<string>()
  const [due] = useState(() => new Map<string, number>())
  const start = () => {
    const now = Date.now()
    for (let i = 1; i <= COUNT; i++) {
      const key = `entry ${String(i).padStart(2, '0')}`
      cache.set(key, i, i * step)
      due.set(key, now + i * step)
    }
  }
  return (
    <div style={{ display: 'flex', gap: 32 }}>
      <div>
        <button type="button" onClick={start}>
          {`Start: ${COUNT} entries, one leaving every ${step} ms`}
        </button>
        <ul aria-label="entries">
          {keys.map((k) => (
            <Row key={k} k={k} />
          ))}
        </ul>
      </div>
      <Departures due={due} />
    </div>
  )
}

interface DemoProps {
  /** Milliseconds between two expiries. */
  step: number
}

/** Twenty entries expiring at staggered times, on the cache's one timer. */
function ExpiryDemo({ step }: DemoProps) {
  return (
    <CacheProvider key={step}>
      <Staggered step={step} />
    </CacheProvider>
  )
}

const meta = {
  title: 'Cache/Expiry',
  component: ExpiryDemo,
  tags: ['autodocs'],
  args: { step: 150 },
  argTypes: { step: { control: { type: 'number', min: 50, step: 50 } } },
  parameters: { docs: { description: { component: tsdoc(cacheSource, 'Cache') } } },
} satisfies Meta<typeof ExpiryDemo>

export default meta

export const StaggeredExpiry: StoryObj<typeof meta> = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const entries = () => within(canvas.getByRole('list', { name: 'entries' }))
    await userEvent.click(canvas.getByRole('button', { name: /^Start/ }))
    await waitFor(() => expect(entries().getAllByRole('listitem')).toHaveLength(COUNT))
    // Rows leave one by one, in order: the first one left is always the next one due.
    let left = COUNT
    while (left > 0) {
      await waitFor(() => expect(entries().queryAllByRole('listitem').length).toBeLessThan(left), {
        timeout: args.step * 4 + 1_000,
      })
      left = entries().queryAllByRole('listitem').length
      if (left)
        expect(entries().getAllByRole('listitem')[0]).toHaveTextContent(
          `entry ${String(COUNT - left + 1).padStart(2, '0')}`,
        )
    }
    const departures = within(canvas.getByRole('list', { name: 'departures' })).getAllByRole('listitem')
    expect(departures).toHaveLength(COUNT)
    expect(departures.map((d) => d.textContent?.slice(0, 8))).toEqual(
      Array.from({ length: COUNT }, (_, i) => `entry ${String(i + 1).padStart(2, '0')}`),
    )
    for (const departure of departures) expect(departure).not.toHaveTextContent('EARLY')
  },
}
