// What each real-browser test starts from: its page script bundled by esbuild, served with a bare
// HTML page on 127.0.0.1, and Chromium (the one scripts/chromium.mjs finds).
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { build } from 'esbuild'
import { type Browser, chromium, type Page } from 'playwright-core'
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs'

export interface ServedPage {
  /** The page's address, `http://127.0.0.1:<port>`. */
  base: string
  browser: Browser
  /** Closes the browser and the server. */
  close(): Promise<void>
}

// The empty icon keeps a full Chromium (Debian's) from asking for /favicon.ico, a 404 that it
// reports as a console error; the headless build from npm never asks.
const html =
  '<!doctype html><html lang="en"><title>poche</title><link rel="icon" href="data:,">' +
  '<body><script src="/page.js"></script>'

/** Answers a request other than the page's own, or returns false to let servePage answer. */
export type Route = (request: IncomingMessage, response: ServerResponse) => boolean

/**
 * Bundles `entry` (a .ts or .tsx file) into an HTML page served on 127.0.0.1, and starts Chromium.
 * `route` answers the requests it takes first (a server-rendered page, an API).
 */
export async function servePage(entry: string, route?: Route): Promise<ServedPage> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]?.text ?? ''
  const server = createServer((request, response) => {
    if (route?.(request, response)) return
    if (request.url === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    else if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(html)
    else response.writeHead(404).end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true })
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close()
      server.close()
    },
  }
}

/**
 * Adds to `problems` whatever `page` prints with console.error or throws; a failed load is named
 * with its address (Chromium's message alone says only "Failed to load resource").
 */
export function recordProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url } = message.location()
    problems.push(url ? `${message.text()} (${url})` : message.text())
  })
  page.on('pageerror', (error) => problems.push(String(error)))
}
