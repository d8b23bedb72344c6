import * as React from 'react'
import * as ReactDOM from 'react-dom'

const reason = 'poche: this key is fetched in the browser (the server render does not stream poche data)'

/**
 * Asks React to render the nearest Suspense boundary in the browser only, with React DOM's
 * `browser()` (React 19.3 and later): the server sends the boundary's fallback, and the browser
 * renders it without reporting a recoverable error. On earlier versions it does nothing.
 */
export function renderInBrowser(): void {
  const browser = (ReactDOM as { browser?: (reason: string) => unknown }).browser
  const use = (React as { use?: (usable: unknown) => unknown }).use
  if (browser && use) use(browser(reason))
}
