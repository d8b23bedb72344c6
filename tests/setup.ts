import { afterEach, beforeEach, vi } from 'vitest'

// Any console.error (React's act() and "update while rendering" warnings among them) fails the test.
let errors: unknown[][] = []
beforeEach(() => {
  errors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterEach(() => {
  const printed = errors
  errors = []
  if (printed.length) throw new Error(`console.error was called:\n${printed.map((args) => args.join(' ')).join('\n')}`)
})
