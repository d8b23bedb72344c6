import type { Meta, StoryObj } from '@storybook/react-vite'
import { type FormEvent, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CacheProvider, useCache, useCacheKeys } from '../src/index'
import keysSource from '../src/react/useCacheKeys.ts?raw'
import { tsdoc } from './parts/tsdoc'
import { useRenderCount } from './parts/useRenderCount'

function AddKey({ ttl }: { ttl: number }) {
  const cache = useCache<string, number>()
  const [key, setKey] = useState('apple')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    cache.set(key, Date.now(), ttl)
  }
  return (
    <form onSubmit={submit} aria-label="add a key">
      <label>
        Key <input value={key} onChange={(e) => setKey(e.target.value)} />
      </label>{' '}
      <button type="submit">{`Set with ${ttl} ms TTL`}</button>
    </form>
  )
}

function KeyList() {
  const cache = useCache<string, number>()
  const keys = useCacheKeys<string>()
  const renders = useRenderCount()
  return (
    <>
      <p>
        list rendered <output aria-label="list renders">{renders}</output> times
      </p>
      <ul aria-label="keys">
        {keys.map((key) => (
          <li key={key}>
            {key}{' '}
            <button type="button" aria-label={`Delete ${key}`} onClick={() => cache.delete(key)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}

interface DemoProps {
  /** TTL (ms) of the keys the form adds. */
  ttl: number
}

/** A list of the live keys: it changes on set, delete and expiry, and only then re-renders. */
function LiveKeys({ ttl }: DemoProps) {
  return (
    <CacheProvider>
      <AddKey ttl={ttl} />
      <KeyList />
    </CacheProvider>
  )
}

const meta = {
  title: 'Hooks/useCacheKeys',
  component: LiveKeys,
  tags: ['autodocs'],
  args: { ttl: 1_000 },
  argTypes: { ttl: { control: { type: 'number', min: 100, step: 100 } } },
  parameters: { docs: { description: { component: tsdoc(keysSource, 'useCacheKeys') } } },
} satisfies Meta<typeof LiveKeys>

export default meta

export const KeyListUpdates: StoryObj<typeof meta> = {
  args: { ttl: 60_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = () => within(canvas.getByRole('list', { name: 'keys' }))
    const key = canvas.getByLabelText('Key')
    const add = async (name: string) => {
      await userEvent.clear(key)
      await userEvent.type(key, name)
      await userEvent.click(canvas.getByRole('button', { name: /^Set with/ }))
    }
    await add('apple')
    await add('pear')
    await waitFor(() => expect(list().getAllByRole('listitem')).toHaveLength(2))
    const renders = Number(canvas.getByLabelText('list renders').textContent)
    // Setting an existing key changes no key: the list does not re-render.
    await add('apple')
    expect(canvas.getByLabelText('list renders')).toHaveTextContent(String(renders))
    await userEvent.click(canvas.getByRole('button', { name: 'Delete apple' }))
    await waitFor(() => expect(list().getAllByRole('listitem')).toHaveLength(1))
    expect(list().getByText(/pear/)).toBeInTheDocument()
  },
}

export const KeysLeaveOnExpiry: StoryObj<typeof meta> = {
  args: { ttl: 800 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = () => within(canvas.getByRole('list', { name: 'keys' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Set with 800 ms TTL' }))
    await waitFor(() => expect(list().getAllByRole('listitem')).toHaveLength(1))
    await waitFor(() => expect(list().queryAllByRole('listitem')).toHaveLength(0), { timeout: 3_000 })
  },
}
