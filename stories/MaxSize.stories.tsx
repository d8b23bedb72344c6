import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useReducer, useState } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import cacheSource from '../src/core/cache.ts?raw'
import { CacheProvider, useCache } from '../src/index'
import contextSource from '../src/react/context.ts?raw'
import { tsdoc } from './parts/tsdoc'

const KEYS = ['a', 'b', 'c', 'd', 'e']

function Lru() {
  const cache = useCache<string, string>()
  // A read changes the recency order but is no change of any entry, so nothing announces it:
  // the view redraws after each button.
  const [, redraw] = useReducer((n: number) => n + 1, 0)
  const [evicted, setEvicted] = useState<string[]>([])
  useEffect(
    () => cache.onEvent((event) => event.type === 'evict' && setEvicted((list) => [...list, String(event.key)])),
    [cache],
  )
  return (
    <div>
      <p>
        {KEYS.map((key) => (
          <span key={key}>
            <button
              type="button"
              aria-label={`Set ${key}`}
              onClick={() => {
                cache.set(key, key.toUpperCase())
                redraw()
              }}
            >
              set {key}
            </button>{' '}
            <button
              type="button"
              aria-label={`Read ${key}`}
              onClick={() => {
                if (cache.has(key)) cache.get(key)
                redraw()
              }}
            >
              read {key}
            </button>{' '}
          </span>
        ))}
      </p>
      <p>
        least recently used first: <output aria-label="recency order">{cache.keys().join(' → ') || '(empty)'}</output>
      </p>
      <p>
        evicted: <output aria-label="evicted">{evicted.join(', ') || '(none)'}</output>
      </p>
    </div>
  )
}

interface DemoProps {
  /** The most live entries the cache keeps; past it the least recently used one is evicted. */
  maxSize: number
}

/** LRU eviction with `maxSize`: a `get` or `set` makes a key the most recent. */
function MaxSizeDemo({ maxSize }: DemoProps) {
  return (
    <CacheProvider key={maxSize} maxSize={maxSize}>
      <Lru />
    </CacheProvider>
  )
}

const meta = {
  title: 'Cache/maxSize',
  component: MaxSizeDemo,
  tags: ['autodocs'],
  args: { maxSize: 3 },
  argTypes: { maxSize: { control: { type: 'number', min: 1, max: 5 } } },
  parameters: {
    docs: {
      description: { component: [tsdoc(contextSource, 'useCache'), tsdoc(cacheSource, 'Cache')].join('\n\n') },
    },
  },
} satisfies Meta<typeof MaxSizeDemo>

export default meta

export const LeastRecentlyUsedEviction: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const order = () => canvas.getByLabelText('recency order')
    for (const key of ['a', 'b', 'c']) await userEvent.click(canvas.getByRole('button', { name: `Set ${key}` }))
    expect(order()).toHaveTextContent('a → b → c')
    // Reading a makes it the most recent, so b is the one to go.
    await userEvent.click(canvas.getByRole('button', { name: 'Read a' }))
    expect(order()).toHaveTextContent('b → c → a')
    await userEvent.click(canvas.getByRole('button', { name: 'Set d' }))
    expect(order()).toHaveTextContent('c → a → d')
    expect(canvas.getByLabelText('evicted')).toHaveTextContent('b')
    await userEvent.click(canvas.getByRole('button', { name: 'Set e' }))
    expect(order()).toHaveTextContent('a → d → e')
    expect(canvas.getByLabelText('evicted')).toHaveTextContent('b, c')
  },
}
