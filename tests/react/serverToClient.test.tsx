// @vitest-environment jsdom
// A plain Node server renders a page with renderToString, after prefetching into a per-request
// cache, and embeds the snapshot in the page; the client hydrates its cache from it, then the DOM
// with hydrateRoot. No mismatch, no warning, and no request from the client for what the server
// fetched. Real HTTP on 127.0.0.1, counting requests.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  Cache,
  CacheProvider,
  type CacheSnapshot,
  dehydrate,
  hydrate,
  serializeSnapshot,
  useCachedAsync,
} from '../../src/index'

let server: Server
let base = ''
let apiHits: Record<string, number> = {}

const getItem = (id: string) => async (signal?: AbortSignal) => {
  const response = await fetch(`${base}/api/item/${id}`, { signal })
  return (await response.json()) as { id: string; name: string }
}

function Item({ id }: { id: string }) {
  const { data, status } = useCachedAsync(`item:${id}`, getItem(id), 60_000)
  return <li>{status === 'success' ? data?.name : 'loading'}</li>
}

function App() {
  return (
    <ul>
      <Item id="1" />
      <Item id="2" />
      <Item id="1" />
    </ul>
  )
}

const page = async (): Promise<string> => {
  // One cache per request: prefetch, render, then send what the render read.
  const cache = new Cache()
  await Promise.all(['1', '2'].map((id) => cache.getOrCompute(`item:${id}`, getItem(id), 60_000)))
  const html = renderToString(
    <CacheProvider cache={cache}>
      <App />
    </CacheProvider>,
  )
  const snapshot = serializeSnapshot(dehydrate(cache))
  // Its timer would keep it, and this request's data, alive until the TTL ends.
  cache.dispose()
  return `<!doctype html><html><body><div id="root">${html}</div><script id="poche-snapshot" type="application/json">${snapshot}</script></body></html>`
}

const handle = async (request: IncomingMessage, response: ServerResponse) => {
  const path = request.url ?? ''
  const item = /^\/api\/item\/(\w+)$/.exec(path)
  if (item) {
    apiHits[path] = (apiHits[path] ?? 0) + 1
    const id = item[1] as string
    // A name that would end the page's script if the snapshot were not escaped.
    const name = id === '2' ? '</script><script>window.pwned = true</script>' : `item ${id}`
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, name }))
    return
  }
  response.writeHead(200, { 'content-type': 'text/html' }).end(await page())
}

beforeEach(async () => {
  apiHits = {}
  server = createServer((request, response) => void handle(request, response))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  server.closeAllConnections()
  server.close()
  await once(server, 'close')
})

it('the client hydrates from the embedded snapshot: same HTML, no warning, no request for prefetched keys', async () => {
  const html = await (await fetch(`${base}/page`)).text()
  expect(apiHits).toEqual({ '/api/item/1': 1, '/api/item/2': 1 })

  // The browser's side: the page as the server sent it.
  document.open()
  document.write(html)
  document.close()
  const root = document.getElementById('root') as HTMLElement
  const serverMarkup = root.innerHTML
  expect(serverMarkup).toContain('item 1')
  const script = document.getElementById('poche-snapshot') as HTMLScriptElement
  // The value holding </script><script> did not end the snapshot's script: one script, whole.
  expect(document.querySelectorAll('script')).toHaveLength(1)

  const cache = new Cache()
  expect(hydrate(cache, JSON.parse(script.textContent ?? '') as CacheSnapshot)).toBe(2)
  const recoverable: unknown[] = []
  await act(async () => {
    hydrateRoot(
      root,
      <CacheProvider cache={cache}>
        <App />
      </CacheProvider>,
      { onRecoverableError: (error) => recoverable.push(error) },
    )
  })
  // console.error (a hydration mismatch warning) fails the test by itself.
  expect(recoverable).toEqual([])
  expect(root.innerHTML).toBe(serverMarkup)
  expect(root.textContent).toContain('</script><script>window.pwned = true</script>')
  expect(apiHits).toEqual({ '/api/item/1': 1, '/api/item/2': 1 })
})
