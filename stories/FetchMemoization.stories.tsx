import type { Meta, StoryObj } from '@storybook/react-vite'
import { Component, type ReactNode, Suspense, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CacheProvider, useCachedAsync, useSuspenseCachedValue } from '../src/index'
import asyncSource from '../src/react/useCachedAsync.ts?raw'
import suspenseSource from '../src/react/useSuspenseCachedValue.ts?raw'
import { type Counter, createCounter, useCount } from './parts/deferredCounter'
import { tsdoc } from './parts/tsdoc'

interface User {
  id: number
  name: string
  role: string
}

/** A real HTTP fetch of a JSON file that Storybook serves (`staticDirs`), counted. */
const fetchJson = (url: string, requests: Counter) => async (signal: AbortSignal) => {
  requests.increment()
  const response = await fetch(url, { signal })
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`)
  return (await response.json()) as User
}

interface CardProps {
  url: string
  ttl: number
  retry: number
  requests: Counter
}

function UserCard({ url, ttl, retry, requests }: CardProps) {
  const { data, error, status, isFetching, failureCount, refresh } = useCachedAsync(url, fetchJson(url, requests), {
    ttl,
    retry,
    retryDelay: 300,
  })
  return (
    <article aria-label="user card" style={{ border: '1px solid #ccc', padding: 8, margin: 4 }}>
      <p>
        status: <output aria-label="status">{status}</output>
        {isFetching && ' (fetching…)'}
        {failureCount > 0 && status !== 'error' && ` (attempt ${failureCount + 1})`}
      </p>
      {data && <p>{`${data.name}, ${data.role}`}</p>}
      {status === 'error' && <p role="alert">{(error as Error).message}</p>}
      <button type="button" onClick={refresh}>
        {status === 'error' ? 'Retry' : 'Refresh'}
      </button>
    </article>
  )
}

function RequestCount({ requests }: { requests: Counter }) {
  return (
    <p>
      requests made: <output aria-label="requests">{useCount(requests)}</output>
    </p>
  )
}

interface DemoProps {
  /** The file fetched: served by Storybook, or missing to show an error. */
  url: string
  /** How many components read it. */
  readers: number
  /** How long (ms) a fetched value stays cached, counted from its arrival. */
  ttl: number
  /** How many times a failed request is tried again (300 ms apart) before the error shows. */
  retry: number
}

/** Several components read one URL through `useCachedAsync`: one request serves them all. */
function SharedFetch({ url, readers, ttl, retry }: DemoProps) {
  const [requests] = useState(createCounter)
  return (
    <CacheProvider key={`${url}:${ttl}:${retry}`}>
      <RequestCount requests={requests} />
      {Array.from({ length: readers }, (_, i) => `reader ${i}`).map((name) => (
        <UserCard key={name} url={url} ttl={ttl} retry={retry} requests={requests} />
      ))}
    </CacheProvider>
  )
}

const meta = {
  title: 'Hooks/Fetch memoization',
  component: SharedFetch,
  tags: ['autodocs'],
  args: { url: '/api/user.json', readers: 3, ttl: 60_000, retry: 1 },
  argTypes: {
    url: { control: 'select', options: ['/api/user.json', '/api/missing.json'] },
    readers: { control: { type: 'number', min: 1, max: 10 } },
    ttl: { control: { type: 'number', min: 100, step: 500 } },
    retry: { control: { type: 'number', min: 0, max: 5 } },
  },
  parameters: {
    docs: {
      description: {
        component: [tsdoc(asyncSource, 'useCachedAsync'), tsdoc(suspenseSource, 'useSuspenseCachedValue')].join('\n\n'),
      },
    },
  },
} satisfies Meta<typeof SharedFetch>

export default meta
type Story = StoryObj<typeof meta>

export const OneRequestForThreeReaders: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getAllByText('Ada Lovelace, analyst')).toHaveLength(3))
    expect(canvas.getByLabelText('requests')).toHaveTextContent('1')
    for (const status of canvas.getAllByLabelText('status')) expect(status).toHaveTextContent('success')
    // Refresh keeps the data on screen and makes one more request for everyone.
    await userEvent.click(canvas.getAllByRole('button', { name: 'Refresh' })[0] as HTMLElement)
    await waitFor(() => expect(canvas.getByLabelText('requests')).toHaveTextContent('2'))
    await waitFor(() => expect(canvas.queryByText(/fetching/)).toBeNull())
    expect(canvas.getAllByText('Ada Lovelace, analyst')).toHaveLength(3)
  },
}

export const ErrorAndRetry: Story = {
  args: { url: '/api/missing.json', readers: 2, retry: 1 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    // The failed request is tried once more (300 ms later), shared by both readers; the error
    // shows after that last attempt.
    await waitFor(() => expect(canvas.getAllByRole('alert')).toHaveLength(2), { timeout: 5_000 })
    expect(canvas.getAllByRole('alert')[0]).toHaveTextContent('HTTP 404')
    expect(canvas.getByLabelText('requests')).toHaveTextContent('2')
    // No retry loop after the last attempt: the count stays until someone asks.
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(canvas.getByLabelText('requests')).toHaveTextContent('2')
    await userEvent.click(canvas.getAllByRole('button', { name: 'Retry' })[0] as HTMLElement)
    // Retry is one request (and its one retry) for both readers; the file is still missing.
    await waitFor(() => expect(canvas.getByLabelText('requests')).toHaveTextContent('4'), { timeout: 5_000 })
    await waitFor(() => expect(canvas.getAllByRole('alert')).toHaveLength(2))
    expect(canvas.getAllByRole('alert')[1]).toHaveTextContent('HTTP 404')
    expect(canvas.getByLabelText('requests')).toHaveTextContent('4')
  },
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div role="alert">
        {this.state.error.message}{' '}
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    )
  }
}

function SuspenseCard({ url, ttl, requests }: { url: string; ttl: number; requests: Counter }) {
  const user = useSuspenseCachedValue(url, fetchJson(url, requests), ttl)
  return <article aria-label="suspense card">{`${user.name} (${user.role})`}</article>
}

export const WithSuspense: Story = {
  render: ({ url, readers, ttl }) => {
    const [requests] = useState(createCounter)
    return (
      <CacheProvider key={url}>
        <RequestCount requests={requests} />
        <ErrorBoundary>
          <Suspense fallback={<p>Loading…</p>}>
            {Array.from({ length: readers }, (_, i) => `card ${i}`).map((name) => (
              <SuspenseCard key={name} url={url} ttl={ttl} requests={requests} />
            ))}
          </Suspense>
        </ErrorBoundary>
      </CacheProvider>
    )
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(canvas.getAllByLabelText('suspense card')).toHaveLength(3), { timeout: 5_000 })
    expect(canvas.getAllByLabelText('suspense card')[0]).toHaveTextContent('Ada Lovelace (analyst)')
    expect(canvas.getByLabelText('requests')).toHaveTextContent('1')
  },
}
