// Bundle size of poche and its peers, measured the same way for all: every export bundled by
// esbuild, minified, React external, gzip level 9. Run alone: node --import tsx bench/sizes.ts
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { table } from './stats'

const entries: Array<[string, string]> = [
  ['poche (every hook)', './dist/index.js'],
  ['poche/core', './dist/core.js'],
  ['@isaacs/ttlcache', '@isaacs/ttlcache'],
  ['zustand', 'zustand'],
  ['jotai', 'jotai'],
  ['lru-cache', 'lru-cache'],
  ['SWR', 'swr'],
  ['TanStack Query', '@tanstack/react-query'],
]

export interface SizeResult {
  name: string
  bytes: number
}

/** min+gzip bytes of each entry; poche's come from `dist/`, so run `npm run build` first. */
export async function runSizes(): Promise<SizeResult[]> {
  const results: SizeResult[] = []
  for (const [name, path] of entries) {
    const out = await build({
      stdin: { contents: `export * from '${path}'`, resolveDir: new URL('..', import.meta.url).pathname },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      external: ['react', 'react-dom', 'use-sync-external-store'],
      logLevel: 'error',
    })
    results.push({ name, bytes: gzipSync(out.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length })
  }
  return results
}

export const sizeTable = (results: SizeResult[]): string =>
  table(
    ['package', 'min+gzip'],
    results.map((r) => [r.name, `${(r.bytes / 1000).toFixed(2)} kB`]),
  )

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${sizeTable(await runSizes())}\n`)
