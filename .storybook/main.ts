import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The fetch stories read real JSON files that Storybook itself serves.
  staticDirs: ['../stories/public'],
  typescript: { reactDocgen: 'react-docgen-typescript' },
  // This network reaches only the npm registry: no telemetry, no update checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
}

export default config
