import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ReactNode, useCallback, useState } from 'react'
import { createPortal } from 'react-dom'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { type Cache, CacheProvider, useCache, useCacheItem, useCacheKeys } from '../src/index'
import { persistCache, syncTabs } from '../src/persist/index'
import persistSource from '../src/persist/persistCache.ts?raw'
import syncSource from '../src/persist/syncTabs.ts?raw'
import { TimeLeft } from './parts/TimeLeft'
import { tsdoc } from './parts/tsdoc'

// One storage record and one channel for this story's tabs, apart from any other app on the origin.
const NAME = 'poche-story-two-tabs'
const persist = (cache: Cache<string, unknown>) => persistCache(cache, { name: NAME })
const sync = (cache: Cache<string, unknown>) => syncTabs(cache, { channel: NAME })

function Entry({ name }: { name: string }) {
  const item = useCacheItem(name)
  if (!item) return null
  return (
    <li>
      <code>{name}</code> = <output aria-label={`${name} value`}>{JSON.stringify(item.value)}</output>{' '}
      <TimeLeft expiration={item.expiration} />
    </li>
  )
}

/** The small app each tab runs: a note kept for 60 s, a counter kept for ever, and the live entries. */
function App({ tab }: { tab: string }) {
  const cache = useCache<string, unknown>()
  const keys = useCacheKeys<string>()
  const [note, setNote] = useState('')
  const count = (useCacheItem<number>('count')?.value ?? 0) as number
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: 12 }}>
      <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{tab}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          cache.set('note', note, 60_000)
        }}
      >
        <label>
          Note <input value={note} onChange={(event) => setNote(event.target.value)} />
        </label>{' '}
        <button type="submit">Save note for 60 s</button>
      </form>
      <p>
        <button type="button" onClick={() => cache.set('count', count + 1, Infinity)}>
          Add one
        </button>{' '}
        <button type="button" onClick={() => cache.flush()}>
          Flush
        </button>
      </p>
      <ul aria-label="entries">
        {keys.map((key) => (
          <Entry key={key} name={key} />
        ))}
      </ul>
    </main>
  )
}

/** An iframe whose document shows `children`: a tab of its own, rendered from this page. */
function Frame({ title, children }: { title: string; children: ReactNode }) {
  const [body, setBody] = useState<HTMLElement | null>(null)
  const found = useCallback((frame: HTMLIFrameElement | null) => setBody(frame?.contentDocument?.body ?? null), [])
  return (
    <>
      <iframe
        title={title}
        style={{ width: 360, height: 260, border: '1px solid #ccc', borderRadius: 6 }}
        ref={found}
      />
      {body && createPortal(children, body)}
    </>
  )
}

/** Two tabs of one app, side by side; "Reload" gives a tab a new document and a new cache. */
function TwoTabs() {
  const [loads, setLoads] = useState([1, 1])
  const reload = (i: number) => setLoads((all) => all.map((n, j) => (j === i ? n + 1 : n)))
  return (
    <div style={{ display: 'flex', gap: 16 }}>
      {['Left tab', 'Right tab'].map((tab, i) => (
        <div key={tab}>
          <Frame key={loads[i]} title={tab}>
            <CacheProvider persist={persist} syncTabs={sync}>
              <App tab={`${tab}, load ${loads[i]}`} />
            </CacheProvider>
          </Frame>
          <p>
            <button type="button" onClick={() => reload(i)}>
              Reload {tab.toLowerCase()}
            </button>
          </p>
        </div>
      ))}
    </div>
  )
}

const meta = {
  title: 'Persistence/Two tabs',
  component: TwoTabs,
  // Each run starts from an empty record.
  beforeEach: () => localStorage.removeItem(NAME),
  parameters: {
    docs: {
      description: {
        component: `Two iframes run the same small app, each with a \`CacheProvider\` that persists its cache
to \`localStorage\` and syncs it with the other tabs over \`BroadcastChannel\`. A change in one shows in the other
with the same expiration; "Reload" gives a tab a new cache, which reads the stored entries back with the time they
have left.\n\n${tsdoc(persistSource, 'persistCache')}\n\n${tsdoc(syncSource, 'syncTabs')}`,
      },
    },
  },
} satisfies Meta<typeof TwoTabs>

export default meta

const tab = (canvas: HTMLElement, title: string) => {
  const frame = within(canvas).getByTitle(title) as HTMLIFrameElement
  return within(frame.contentDocument?.body as HTMLElement)
}

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const left = () => tab(canvasElement, 'Left tab')
    const right = () => tab(canvasElement, 'Right tab')
    await waitFor(() => expect(left().getByLabelText('Note')).toBeTruthy())
    await waitFor(() => expect(right().getByLabelText('Note')).toBeTruthy())

    // A change in one tab shows in the other.
    await userEvent.type(left().getByLabelText('Note'), 'hello')
    await userEvent.click(left().getByRole('button', { name: 'Save note for 60 s' }))
    await waitFor(() => expect(right().getByLabelText('note value').textContent).toBe('"hello"'))
    await userEvent.click(right().getByRole('button', { name: 'Add one' }))
    await userEvent.click(right().getByRole('button', { name: 'Add one' }))
    await waitFor(() => expect(left().getByLabelText('count value').textContent).toBe('2'))

    // A reloaded tab reads its entries back from storage.
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Reload left tab' }))
    await waitFor(() => expect(left().getByRole('heading').textContent).toBe('Left tab, load 2'))
    await waitFor(() => expect(left().getByLabelText('note value').textContent).toBe('"hello"'))
    expect(left().getByLabelText('count value').textContent).toBe('2')

    // And it syncs again: a flush on the right empties the left.
    await userEvent.click(right().getByRole('button', { name: 'Flush' }))
    await waitFor(() => expect(left().queryByLabelText('note value')).toBeNull())
    expect(left().queryByLabelText('count value')).toBeNull()
  },
}
