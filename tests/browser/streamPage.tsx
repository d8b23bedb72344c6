// The browser side of tests/browser/streaming.test.ts: hydrates the streamed document with the
// props the server rendered it with, and records every error React reports.
import { hydrateRoot } from 'react-dom/client'
import { App, type AppProps } from './streamApp'

declare global {
  interface Window {
    appProps: AppProps
    recoverableErrors: string[]
  }
}

window.recoverableErrors = []
hydrateRoot(document, <App {...window.appProps} />, {
  onRecoverableError: (error) => window.recoverableErrors.push(String(error)),
})
