import { afterEach, beforeEach, vi } from 'vitest'

// A story that logs a console error fails its test, as the unit tests do.
let errors: unknown[][] = []
beforeEach(() => {
  errors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  const printed = errors
  errors = []
  if (printed.length) throw new Error(`console.error was called:\n${printed.map((args) => args.join(' ')).join('\n')}`)
})
