/**
 * The page's own events, for every cache and component on it: a return to the page (a
 * `visibilitychange` to visible, or a `focus` after a `blur`) and the network coming back
 * (`online`). One listener of each kind for the whole page, added when the first subscriber comes
 * and removed when the last goes; none on the server.
 *
 * This is module-level state on purpose: the page is one per window and these listeners belong to
 * it, not to a cache or a request. On the server nothing is ever registered here.
 */

type Trigger = 'return' | 'online'

const subscribers: Record<Trigger, Set<() => void>> = { return: new Set(), online: new Set() }
// Whether the page was left (hidden or blurred) since its last return: a visibilitychange and a
// focus of the same return then count once.
let away = false
let offline = false
const scheduled = new Set<Trigger>()

// Later, in a task of its own: the event's own updates (a click that changes a key, then returns
// focus) are done by then, so the keys read now are refetched, not the ones read before (SWR #1680).
const fire = (trigger: Trigger): void => {
  if (scheduled.has(trigger)) return
  scheduled.add(trigger)
  setTimeout(() => {
    scheduled.delete(trigger)
    for (const listener of [...subscribers[trigger]]) listener()
  }, 0)
}

const onVisibility = (): void => {
  if (document.visibilityState === 'hidden') away = true
  else if (!scheduled.has('return')) {
    away = false
    fire('return')
  }
}
const onFocus = (): void => {
  if (!away) return
  away = false
  fire('return')
}
const onBlur = (): void => {
  away = true
}
const onOnline = (): void => {
  offline = false
  fire('online')
}
const onOffline = (): void => {
  offline = true
}

const LISTENERS: [target: () => EventTarget, type: string, listener: () => void][] = [
  [() => document, 'visibilitychange', onVisibility],
  [() => window, 'focus', onFocus],
  [() => window, 'blur', onBlur],
  [() => window, 'online', onOnline],
  [() => window, 'offline', onOffline],
]

const listening = (): boolean => subscribers.return.size + subscribers.online.size > 0

/**
 * Calls `listener` after each `trigger`, in a task after the event. Nothing happens on the server.
 * @returns a function that unsubscribes.
 */
export function onPage(trigger: Trigger, listener: () => void): () => void {
  if (typeof window === 'undefined') return () => {}
  if (!listening()) {
    away = false
    offline = navigator.onLine === false
    for (const [target, type, handler] of LISTENERS) target().addEventListener(type, handler)
  }
  const entry = () => listener()
  subscribers[trigger].add(entry)
  return () => {
    if (!subscribers[trigger].delete(entry) || listening()) return
    for (const [target, type, handler] of LISTENERS) target().removeEventListener(type, handler)
  }
}

/** Whether the page is shown (always, on the server). */
export const pageVisible = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden'

/** Whether the page is online, as its `online`/`offline` events (or `navigator.onLine`) last said. */
export const pageOnline = (): boolean =>
  listening() ? !offline : typeof navigator === 'undefined' || navigator.onLine !== false
