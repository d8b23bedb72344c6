import { afterEach, beforeEach, expect } from 'vitest'

/**
 * Call at the top of a test file: each test fails if a Promise rejection was left unhandled
 * (Vitest fails the run for one anyway; this makes it the failing test's own).
 */
export function failOnUnhandledRejections(): void {
  let unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  beforeEach(() => {
    unhandled = []
    process.on('unhandledRejection', onUnhandled)
  })
  afterEach(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve()
    await new Promise((resolve) => setTimeout(resolve, 0))
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })
}
