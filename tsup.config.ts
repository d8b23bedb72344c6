import { readFileSync, writeFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

// Entries whose built files start with "use client": the ones that hold React components and
// hooks, so that a React Server Component can render them. esbuild drops directives from the
// modules it bundles, so the line is written onto the built files themselves.
const clientEntries = ['index']

export default defineConfig({
  entry: { index: 'src/index.ts', core: 'src/core/index.ts', persist: 'src/persist/index.ts' },
  format: ['esm', 'cjs'],
  // Code shared by entries goes into chunks that each entry imports (for CommonJS as well), so
  // every entry sees one `Cache`, one `KeyError` and one `defaultCache`.
  splitting: true,
  treeshake: true,
  dts: true,
  clean: true,
  target: 'es2022',
  external: ['react'],
  async onSuccess() {
    for (const entry of clientEntries) {
      for (const file of [`dist/${entry}.js`, `dist/${entry}.cjs`]) {
        writeFileSync(file, `"use client";\n${readFileSync(file, 'utf8')}`)
      }
    }
  },
})
