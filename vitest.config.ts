import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'

// The story tests run in the Chromium that scripts/chromium.mjs finds (CHROMIUM_PATH, Debian's, or
// the one @sparticuz/chromium ships), looked up only when the browser starts, so the unit project
// never needs one. Playwright's own browser download is never used.
// One settings object per project: two projects sharing one fail ("Cannot define a nested project").
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions() }),
  instances: [{ browser: 'chromium' as const }],
})

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'stories',
          browser: browser(),
          setupFiles: ['.storybook/vitest.setup.ts'],
        },
      },
    ],
  },
})
