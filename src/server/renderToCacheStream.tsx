import { Transform } from 'node:stream'
import type { ReactNode } from 'react'
import { type PipeableStream, type RenderToPipeableStreamOptions, renderToPipeableStream } from 'react-dom/server'
import { StreamOutbox } from '../stream/outbox'
import { StreamContext } from '../stream/streamContext'

/**
 * `renderToPipeableStream` from `react-dom/server` (Node), with the data that the render fetches
 * streamed along: every `useSuspenseCachedValue` key that the cache of a provider holding a
 * `<CacheStream />` (poche/stream) fetched on the server reaches the browser in a `<script>`
 * written just before the HTML of the Suspense boundary that reads it, with its absolute
 * expiration. That `CacheStream` stores it in the browser before React hydrates the boundary, so
 * the browser makes no request for it and does not suspend again. Each call streams its own
 * render's caches only.
 *
 * Use it in place of `renderToPipeableStream`, with the same arguments; `options.nonce` goes on
 * the scripts it adds too.
 * @throws whatever `renderToPipeableStream` throws.
 */
export function renderToCacheStream(element: ReactNode, options?: RenderToPipeableStreamOptions): PipeableStream {
  const outbox = new StreamOutbox()
  const stream = renderToPipeableStream(
    <StreamContext.Provider value={outbox}>{element}</StreamContext.Provider>,
    options,
  )
  const nonce = typeof options?.nonce === 'string' ? ` nonce="${escapeAttribute(options.nonce)}"` : ''
  return {
    abort: (reason?: unknown) => stream.abort(reason),
    pipe<W extends NodeJS.WritableStream>(destination: W): W {
      const scripts = () => {
        const script = outbox._takeScript()
        return script ? `<script${nonce}>${script}</script>` : ''
      }
      stream.pipe(withScripts(scripts)).pipe(destination)
      return destination
    },
  }
}

/**
 * A pass-through that writes `scripts()` between React's flushes. React writes one flush in
 * several chunks, synchronously, and a chunk may end inside a tag: so the chunks of one flush are
 * gathered and sent together a microtask later, with the scripts before them (they then run
 * before the boundary they precede is revealed and hydrated), except before the first flush,
 * which starts the document: there they follow it.
 */
const withScripts = (scripts: () => string): Transform => {
  let gathered: Buffer[] = []
  let first = true
  const through = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!gathered.length) queueMicrotask(send)
      gathered.push(chunk)
      done()
    },
    flush(done) {
      send()
      done()
    },
  })
  const send = () => {
    if (!gathered.length) return
    const html = Buffer.concat(gathered)
    gathered = []
    const script = scripts()
    if (first) {
      first = false
      through.push(html)
      if (script) through.push(script)
    } else {
      if (script) through.push(script)
      through.push(html)
    }
  }
  return through
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
