import type { Meta, StoryObj } from '@storybook/react-vite'
import { type FormEvent, useEffect, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { type CacheEvent, CacheProvider, useCache, useCacheItem, useCacheKeys } from '../src/index'
import providerSource from '../src/react/CacheProvider.tsx?raw'
import itemSource from '../src/react/useCacheItem.ts?raw'
import { TimeLeft } from './parts/TimeLeft'
import { tsdoc } from './parts/tsdoc'
import { useRenderCount } from './parts/useRenderCount'

function SetForm({ ttl }: { ttl: number }) {
  const cache = useCache<string, string>()
  const [key, setKey] = useState('a')
  const [value, setValue] = useState('hello')
  const [ttlText, setTtlText] = useState(String(ttl))
  const [error, setError] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    try {
      cache.set(key, value, ttlText.trim() === '' ? undefined : Number(ttlText))
      setError('')
    } catch (e) {
      // A bad TTL is refused with a RangeError or TypeError naming it; the cache is unchanged.
      setError((e as Error).message)
    }
  }
  return (
    <form onSubmit={submit} aria-label="set an entry">
      <label>
        Key <input value={key} onChange={(e) => setKey(e.target.value)} />
      </label>{' '}
      <label>
        Value <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>{' '}
      <label>
        TTL (ms) <input value={ttlText} inputMode="numeric" onChange={(e) => setTtlText(e.target.value)} />
      </label>{' '}
      <button type="submit">Set</button>
      {error && <p role="alert">{error}</p>}
    </form>
  )
}

function EntryRow({ k }: { k: string }) {
  const cache = useCache<string, string>()
  const item = useCacheItem<string, string>(k)
  if (!item) return null
  return (
    <tr>
      <td>{k}</td>
      <td>{String(item.value)}</td>
      <td>
        <TimeLeft expiration={item.expiration} />
      </td>
      <td>
        <button type="button" aria-label={`Delete ${k}`} onClick={() => cache.delete(k)}>
          Delete
        </button>{' '}
        <button type="button" aria-label={`Expire ${k} in 5 s`} onClick={() => cache.expire(k, 5_000)}>
          Expire in 5 s
        </button>{' '}
        <button type="button" aria-label={`Persist ${k}`} onClick={() => cache.persist(k)}>
          Persist
        </button>
      </td>
    </tr>
  )
}

function EntriesTable() {
  const keys = useCacheKeys<string>()
  return (
    <table aria-label="live entries">
      <thead>
        <tr>
          <th>key</th>
          <th>value</th>
          <th>time left</th>
          <th>actions</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <EntryRow key={k} k={k} />
        ))}
      </tbody>
    </table>
  )
}

const describeEvent = (event: CacheEvent<unknown>) =>
  event.type === 'flush' ? 'flush' : `${event.type} ${String(event.key)}`

function EventLog() {
  const cache = useCache()
  const [events, setEvents] = useState<string[]>([])
  useEffect(
    () =>
      cache.onEvent((event) =>
        setEvents((list) => [...list.slice(-19), `${new Date().toLocaleTimeString()} ${describeEvent(event)}`]),
      ),
    [cache],
  )
  return (
    <section aria-label="event log">
      <h3>Events</h3>
      <ol>
        {events.map((line, i) => (
          // The log only grows at its end: a line's place is its identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  )
}

/** Shows one key's value and how often this component rendered: only its key re-renders it. */
function Reader({ k }: { k: string }) {
  const item = useCacheItem<string, string>(k)
  const renders = useRenderCount()
  return (
    <li data-testid={`reader-${k}`}>
      reader of <b>{k}</b>: {item ? String(item.value) : '—'} · <span data-testid={`renders-${k}`}>{renders}</span>{' '}
      renders
    </li>
  )
}

function Flush() {
  const cache = useCache()
  return (
    <button type="button" onClick={() => cache.flush()}>
      Flush
    </button>
  )
}

interface PlaygroundProps {
  /** TTL in ms the form starts with. */
  ttl: number
  /** The cache's `maxSize`: the most live entries kept. */
  maxSize: number
}

/** The whole cache, live: set entries, watch them drain and leave, and see which readers re-render. */
function Playground({ ttl, maxSize }: PlaygroundProps) {
  return (
    <CacheProvider key={maxSize} maxSize={maxSize}>
      <SetForm ttl={ttl} />
      <p>
        <Flush />
      </p>
      <EntriesTable />
      <h3>Readers</h3>
      <ul>
        {['a', 'b', 'c'].map((k) => (
          <Reader key={k} k={k} />
        ))}
      </ul>
      <EventLog />
    </CacheProvider>
  )
}

const meta = {
  title: 'Playground',
  component: Playground,
  tags: ['autodocs'],
  args: { ttl: 10_000, maxSize: 100 },
  argTypes: {
    ttl: { control: { type: 'number', min: 1, step: 500 } },
    maxSize: { control: { type: 'number', min: 1, step: 1 } },
  },
  parameters: {
    docs: {
      description: {
        component: [tsdoc(providerSource, 'CacheProvider'), tsdoc(itemSource, 'useCacheItem')].join('\n\n'),
      },
    },
  },
} satisfies Meta<typeof Playground>

export default meta

export const Default: StoryObj<typeof meta> = {
  name: 'Playground',
  play: async ({ canvasElement }) => {
    // scripts/screenshot.mjs fills the playground itself for the README's picture.
    if (new URLSearchParams(window.location.search).has('screenshot')) return
    const canvas = within(canvasElement)
    const renders = (k: string) => Number(canvas.getByTestId(`renders-${k}`).textContent)
    const before = { a: renders('a'), b: renders('b'), c: renders('c') }

    // Set key a with the keyboard alone: the form is reachable and labelled.
    const key = canvas.getByLabelText('Key')
    await userEvent.click(key)
    await userEvent.clear(key)
    await userEvent.type(key, 'a')
    await userEvent.clear(canvas.getByLabelText('Value'))
    await userEvent.type(canvas.getByLabelText('Value'), 'apple')
    await userEvent.tab()
    await userEvent.tab()
    expect(canvas.getByRole('button', { name: 'Set' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')

    await waitFor(() => expect(canvas.getByTestId('reader-a')).toHaveTextContent('apple'))
    expect(renders('a')).toBe(before.a + 1)
    expect(renders('b')).toBe(before.b)
    expect(renders('c')).toBe(before.c)
    const table = within(canvas.getByRole('table', { name: 'live entries' }))
    expect(table.getByText('apple')).toBeInTheDocument()
    expect(canvas.getByRole('region', { name: 'event log' })).toHaveTextContent('set a')

    // Key b, with a short TTL: it leaves on its own and only its reader hears it.
    await userEvent.clear(key)
    await userEvent.type(key, 'b')
    await userEvent.clear(canvas.getByLabelText('Value'))
    await userEvent.type(canvas.getByLabelText('Value'), 'banana')
    await userEvent.clear(canvas.getByLabelText('TTL (ms)'))
    await userEvent.type(canvas.getByLabelText('TTL (ms)'), '600')
    await userEvent.click(canvas.getByRole('button', { name: 'Set' }))
    await waitFor(() => expect(canvas.getByTestId('reader-b')).toHaveTextContent('banana'))
    await waitFor(() => expect(canvas.getByTestId('reader-b')).toHaveTextContent('—'), { timeout: 3_000 })
    expect(canvas.getByRole('region', { name: 'event log' })).toHaveTextContent('expire b')
    expect(renders('a')).toBe(before.a + 1)
    expect(renders('c')).toBe(before.c)

    // A bad TTL is refused with a message naming it.
    await userEvent.clear(canvas.getByLabelText('TTL (ms)'))
    await userEvent.type(canvas.getByLabelText('TTL (ms)'), '-5')
    await userEvent.click(canvas.getByRole('button', { name: 'Set' }))
    expect(canvas.getByRole('alert')).toHaveTextContent('ttl')

    // Row buttons: persist, expire in 5 s, delete.
    await userEvent.click(canvas.getByRole('button', { name: 'Persist a' }))
    expect(table.getByText('never')).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Expire a in 5 s' }))
    expect(table.getByRole('meter', { name: 'time left' })).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Delete a' }))
    await waitFor(() => expect(canvas.getByTestId('reader-a')).toHaveTextContent('—'))
    expect(table.queryByText('apple')).toBeNull()

    // Flush empties the table.
    await userEvent.clear(canvas.getByLabelText('TTL (ms)'))
    await userEvent.type(canvas.getByLabelText('TTL (ms)'), '60000')
    await userEvent.click(canvas.getByRole('button', { name: 'Set' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Flush' }))
    await waitFor(() => expect(table.queryAllByRole('row')).toHaveLength(1))
    expect(canvas.getByRole('region', { name: 'event log' })).toHaveTextContent('flush')
  },
}
