import { readFileSync, writeFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

// Entries whose built files start with "use client": the ones that hold React components and
// hooks, so that a React Server Component can render them. esbuild drops directives from the
// modules it bundles, so the line is written onto the built files themselves.
const clientEntries = ['index', 'devtools', 'stream', 'next']

// Method names of the core's and the hooks' internal parts (never part of the public API). Classes
// keep `#private` names short once minified, but these are called from one part to another, so
// they would reach users' bundles in full; the build shortens them instead, which is most of what
// splitting the core into parts cost in size. A name here must never be public: tests/dist.test.ts
// fails if one shows up in the emitted type declarations.
export const internalNames = [
  'slotOf itemAt valueAt expirationAt expirationOf expiring moveToEnd rekey', // SlotStore
  'track takeDue rearm cancelIfIdle rebuild peek', // ExpirySchedule, ExpiryQueue
  'excess', // SizeBound
  'held lastHold watches countOf onKey onKeyList keyChanged keyListChanged', // Emitter
  'stampRender holdForRender releaseUpTo rememberFailure takeFailure keyList', // CacheHooks
]
  .join(' ')
  .split(' ')

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    persist: 'src/persist/index.ts',
    devtools: 'src/devtools/index.ts',
    stream: 'src/stream/index.ts',
    server: 'src/server/index.ts',
    next: 'src/next/index.ts',
  },
  format: ['esm', 'cjs'],
  // Code shared by entries goes into chunks that each entry imports (for CommonJS as well), so
  // every entry sees one `Cache`, one `KeyError` and one `defaultCache`.
  splitting: true,
  treeshake: true,
  dts: true,
  clean: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'next'],
  esbuildOptions(options) {
    options.mangleProps = new RegExp(`^(${internalNames.join('|')})$`)
  },
  async onSuccess() {
    for (const entry of clientEntries) {
      for (const file of [`dist/${entry}.js`, `dist/${entry}.cjs`]) {
        writeFileSync(file, `"use client";\n${readFileSync(file, 'utf8')}`)
      }
    }
  },
})
