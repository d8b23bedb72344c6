import { readFileSync, writeFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

// Entries whose built files start with "use client": the ones that hold React components and
// hooks, so that a React Server Component can render them. esbuild drops directives from the
// modules it bundles, so the line is written onto the built files themselves.
const clientEntries = ['index', 'devtools', 'stream', 'next']

/**
 * The naming rule for internal members (preact's mangle.json `^_` rule): a method or field that one
 * part of poche calls on another part's object (the core's SlotStore, ExpirySchedule, SizeBound and
 * Emitter, Cache._pin and the optimistic layers' Cache._overlay, the hooks' CacheRenderState and
 * KeyFetches, the stream outbox) is named with one leading `_`.
 * The build shortens every such name: classes keep `#private` names short once minified, but
 * these cross from part to part and would reach users' bundles in full. A public member never
 * starts with `_`, and poche never reads a `_name` of an object it did not make:
 * tests/internalNames.test.ts checks the sources, and tests/dist.test.ts the public declarations.
 * (`__name`, two underscores, is left alone: the page-wide `self.__poche` of poche/stream.)
 */
export const internalName = /^_[^_]/

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
  // Members marked @internal (Cache._pin) stay out of the public declarations.
  dts: { compilerOptions: { stripInternal: true } },
  clean: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'next'],
  esbuildOptions(options) {
    options.mangleProps = internalName
  },
  async onSuccess() {
    for (const entry of clientEntries) {
      for (const file of [`dist/${entry}.js`, `dist/${entry}.cjs`]) {
        writeFileSync(file, `"use client";\n${readFileSync(file, 'utf8')}`)
      }
    }
  },
})
