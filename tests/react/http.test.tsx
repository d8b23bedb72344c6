// @vitest-environment jsdom
// Fetches for real, from an HTTP server on 127.0.0.1 that counts the requests it receives.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { act, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AsyncState, useCachedAsync } from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'

let server: Server
let base = ''
let hits: Record<string, number> = {}
let aborted = 0
// Requests to /hang wait here until the test answers them (or the client goes away).
let hanging: ServerResponse[] = []

const handle = (request: IncomingMessage, response: ServerResponse) => {
  const path = request.url ?? ''
  hits[path] = (hits[path] ?? 0) + 1
  if (path === '/hang') {
    hanging.push(response)
    request.socket.on('close', () => {
      if (!response.writableEnded) aborted++
    })
    return
  }
  if (path === '/fail') {
    response.writeHead(500).end('boom')
    return
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path, n: hits[path] }))
}

beforeEach(async () => {
  hits = {}
  aborted = 0
  hanging = []
  server = createServer(handle)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  for (const response of hanging) if (!response.writableEnded) response.end()
  server.closeAllConnections()
  server.close()
  await once(server, 'close')
})

const getJson = (path: string) => async (signal: AbortSignal) => {
  const response = await fetch(base + path, { signal })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return (await response.json()) as { path: string; n: number }
}

const setup = () => cacheSetup({ start: Date.now() })

const text = (state: AsyncState<{ n: number }>) =>
  state.status === 'error' ? `error ${(state.error as Error).message}` : state.data ? `n=${state.data.n}` : state.status

describe('useCachedAsync over real HTTP', () => {
  it('five components on one URL make one request; the server counts it', async () => {
    const { wrap } = setup()
    const fetcher = getJson('/user')
    function Reader({ i }: { i: number }) {
      return <span data-testid={`r${i}`}>{text(useCachedAsync('/user', fetcher))}</span>
    }
    render(wrap([0, 1, 2, 3, 4].map((i) => <Reader key={i} i={i} />)))
    for (let i = 0; i < 5; i++) expect(await screen.findByText('n=1', { selector: `[data-testid=r${i}]` })).toBeTruthy()
    expect(hits['/user']).toBe(1)
  })

  // With retry: false (issue 23 made retry: 3 the default).
  it('shows a 500 as an error and does not ask the server again by itself', async () => {
    const { wrap } = setup()
    let state: AsyncState<{ n: number }> | undefined
    function Reader() {
      state = useCachedAsync('/fail', getJson('/fail'), { retry: false })
      return <span data-testid="v">{text(state)}</span>
    }
    render(wrap(<Reader />))
    expect(await screen.findByText('error HTTP 500')).toBeTruthy()
    // Turns of the event loop, not time: a retry loop would show up within them.
    await act(async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
    })
    expect(hits['/fail']).toBe(1)
    act(() => state?.refresh())
    await waitFor(() => expect(hits['/fail']).toBe(2))
    expect(await screen.findByText('error HTTP 500')).toBeTruthy()
  })

  it('unmounting the last reader aborts the request on the wire', async () => {
    const { cache, wrap } = setup()
    function Reader() {
      return <span>{text(useCachedAsync('/hang', getJson('/hang')))}</span>
    }
    const view = render(wrap(<Reader />))
    await waitFor(() => expect(hits['/hang']).toBe(1))
    view.unmount()
    await waitFor(() => expect(aborted).toBe(1))
    expect(cache.has('/hang')).toBe(false)
  })

  it('fetches again when the entry expires, with the old data on screen meanwhile', async () => {
    const { clock, wrap } = setup()
    function Reader() {
      const state = useCachedAsync('/user', getJson('/user'), 60_000)
      return <span data-testid="v">{`${text(state)}${state.isFetching ? ' (refreshing)' : ''}`}</span>
    }
    render(wrap(<Reader />))
    expect(await screen.findByText('n=1')).toBeTruthy()
    act(() => clock.advance(60_000))
    expect(screen.getByTestId('v').textContent).toBe('n=1 (refreshing)')
    expect(await screen.findByText('n=2')).toBeTruthy()
    expect(hits['/user']).toBe(2)
  })
})
