import type { AsyncState } from '../../src/index'

/** One line per state, for comparing what a reader rendered. */
export const show = (state: AsyncState<unknown>): string =>
  `${state.status}:${String(state.data)}:${state.isFetching ? 'fetching' : 'idle'}${state.isStale ? ':stale' : ''}${
    state.isPreviousData ? ':previous' : ''
  }${state.failureCount ? `:failures=${state.failureCount}` : ''}${state.error ? `:${(state.error as Error).message}` : ''}`

/** Vitest fails the run on an unhandled rejection; this collects them, so that a test can check there was none. */
export const watchUnhandled = () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  return {
    unhandled,
    stop: () => process.off('unhandledRejection', onUnhandled),
  }
}
