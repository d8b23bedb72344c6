import type { Meta, StoryObj } from '@storybook/react-vite'
import { useReducer, useRef, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CacheProvider, useCachedValue, useCacheItem } from '../src/index'
import valueSource from '../src/react/useCachedValue.ts?raw'
import { TimeLeft } from './parts/TimeLeft'
import { tsdoc } from './parts/tsdoc'

/** Counts the primes below `limit`: slow enough to be worth memoizing. */
function countPrimes(limit: number): number {
  const sieve = new Uint8Array(limit)
  let count = 0
  for (let i = 2; i < limit; i++) {
    if (sieve[i]) continue
    count++
    for (let j = i * i; j < limit; j += i) sieve[j] = 1
  }
  return count
}

function Primes({ ttl }: { ttl: number }) {
  const [millions, setMillions] = useState(2)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const runs = useRef(0)
  const key = `primes below ${millions}M`
  const primes = useCachedValue(
    key,
    () => {
      runs.current++
      return countPrimes(millions * 1_000_000)
    },
    ttl,
  )
  const item = useCacheItem(key)
  return (
    <div>
      <label>
        Limit (millions){' '}
        <select value={millions} onChange={(e) => setMillions(Number(e.target.value))}>
          {[1, 2, 5, 10].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p>
        {key}: <output aria-label="result">{primes}</output>
      </p>
      <p>
        factory ran <output aria-label="factory runs">{runs.current}</output> times · cached for{' '}
        <TimeLeft expiration={item?.expiration ?? null} />
      </p>
      <button type="button" onClick={rerender}>
        Re-render
      </button>
    </div>
  )
}

interface DemoProps {
  /** How long (ms) a computed result stays cached. */
  ttl: number
}

/** An expensive computation memoized with a TTL: the factory runs on a miss only. */
function CachedComputation({ ttl }: DemoProps) {
  return (
    <CacheProvider key={ttl}>
      <Primes ttl={ttl} />
    </CacheProvider>
  )
}

const meta = {
  title: 'Hooks/useCachedValue',
  component: CachedComputation,
  tags: ['autodocs'],
  args: { ttl: 1_500 },
  argTypes: { ttl: { control: { type: 'number', min: 100, step: 100 } } },
  parameters: { docs: { description: { component: tsdoc(valueSource, 'useCachedValue') } } },
} satisfies Meta<typeof CachedComputation>

export default meta

export const MemoizedComputation: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const runs = () => canvas.getByLabelText('factory runs').textContent
    expect(canvas.getByLabelText('result')).toHaveTextContent('148933')
    expect(runs()).toBe('1')
    // Re-rendering reads the cache: the factory does not run.
    await userEvent.click(canvas.getByRole('button', { name: 'Re-render' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Re-render' }))
    expect(runs()).toBe('1')
    // A new key is a miss.
    const limit = canvas.getByLabelText('Limit (millions)')
    await userEvent.selectOptions(limit, '1')
    await waitFor(() => expect(canvas.getByLabelText('result')).toHaveTextContent('78498'))
    expect(runs()).toBe('2')
    // When the TTL runs out, the mounted component computes again by itself.
    await waitFor(() => expect(runs()).toBe('3'), { timeout: 3_000 })
    expect(canvas.getByLabelText('result')).toHaveTextContent('78498')
  },
}
