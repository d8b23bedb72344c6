import type { Preview } from '@storybook/react-vite'

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Accessibility violations (an unlabelled button, say) fail the story's test.
    a11y: { test: 'error' },
  },
}

export default preview
