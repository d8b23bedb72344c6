import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The unit suite against the built package: every import of an entry's source (`src/index`,
// `src/core/index`, …) loads that entry's file in dist/ instead, as an app would, with the names
// the build shortened. Run after `npm run build`: `npx vitest run --config vitest.dist.config.ts`.
// (The Chromium tests bundle their page scripts with esbuild from the sources: their server side
// runs on dist/.)
const dist = fileURLToPath(new URL('./dist/', import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^(?:\.\.\/)+src\/index$/, replacement: `${dist}index.js` },
      {
        find: /^(?:\.\.\/)+src\/(core|persist|devtools|stream|server|next)\/index$/,
        replacement: `${dist}$1.js`,
      },
    ],
  },
  test: {
    name: 'dist',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
  },
})
