import { afterEach, beforeEach, vi } from 'vitest'

// Any console.error (React's act() and "update while rendering" warnings among them) fails the test.
let errors: unknown[][] = []
beforeEach(() => {
  errors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterEach(async () => {
  // Unmount what a DOM test rendered (Testing Library cleans up by itself only with globals on).
  if (typeof document !== 'undefined') (await import('@testing-library/react')).cleanup()
  const printed = errors
  errors = []
  if (printed.length) throw new Error(`console.error was called:\n${printed.map((args) => args.join(' ')).join('\n')}`)
})
