import { act } from '@testing-library/react'
import { vi } from 'vitest'

/**
 * The page's events as a browser dispatches them, with `document.visibilityState` stubbed, as
 * TanStack Query's suite does. Triggers run in a task after the event, so each step lets vitest's
 * fake timers (installed by `fakePage`) run the tasks that are due, inside act().
 */
export const fakePage = () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  let visibility: DocumentVisibilityState = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
  const dispatch = async (target: EventTarget, type: string) => {
    await act(async () => {
      target.dispatchEvent(new Event(type))
      await vi.advanceTimersByTimeAsync(0)
    })
  }
  return {
    hide: async () => {
      visibility = 'hidden'
      await dispatch(document, 'visibilitychange')
    },
    show: async () => {
      visibility = 'visible'
      await dispatch(document, 'visibilitychange')
    },
    blur: () => dispatch(window, 'blur'),
    focus: () => dispatch(window, 'focus'),
    offline: () => dispatch(window, 'offline'),
    online: () => dispatch(window, 'online'),
    /** A return to the page as a browser makes it: hidden and blurred, then visible and focused. */
    leaveAndReturn: async () => {
      visibility = 'hidden'
      await act(async () => {
        document.dispatchEvent(new Event('visibilitychange'))
        window.dispatchEvent(new Event('blur'))
      })
      visibility = 'visible'
      await act(async () => {
        document.dispatchEvent(new Event('visibilitychange'))
        window.dispatchEvent(new Event('focus'))
        await vi.advanceTimersByTimeAsync(0)
      })
    },
    restore: () => {
      vi.useRealTimers()
    },
  }
}
