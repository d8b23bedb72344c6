import { type ReactElement, useCallback, useState } from 'react'
import { createPortal } from 'react-dom'
import { useCache } from '../react/context'
import type { AnyCache } from '../react/renderState'
import { Panel } from './Panel'
import { css } from './styles'

export interface CacheDevtoolsProps {
  /** The cache to show. Default: the nearest `CacheProvider`'s, else `defaultCache`. */
  cache?: AnyCache
  /** Whether the panel starts open. Default `false`. */
  initialIsOpen?: boolean
  /** The corner of the window for the toggle and the panel. Default `'bottom-right'`. */
  position?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'
  /** Whether to render at all. Default: `true` unless `process.env.NODE_ENV` is `'production'`. */
  enabled?: boolean
}

// A bundler replaces `process.env.NODE_ENV` with a string and leaves `typeof process` as it is
// ('undefined' in a browser), so only reading the expression itself tells production; where no
// bundler replaced it, a browser has no `process` and the read throws: not production then.
const inProduction = (): boolean => {
  try {
    return process.env.NODE_ENV === 'production'
  } catch {
    return false
  }
}

/** The toggle and, while open, the panel: rendered inside the shadow root, so only on the client. */
function Devtools({
  cache,
  initialIsOpen = false,
  position = 'bottom-right',
}: CacheDevtoolsProps & { cache: AnyCache }) {
  const [open, setOpen] = useState(initialIsOpen)
  return (
    // 'bottom-right' becomes the classes "bottom right", one CSS rule per edge.
    <div className={`r ${position.replace('-', ' ')}`}>
      <style>{css}</style>
      <button
        type="button"
        className="toggle"
        aria-expanded={open}
        aria-label="poche devtools"
        onClick={() => setOpen(!open)}
      >
        poche
      </button>
      {/* Mounted only while open: closed, the panel listens to nothing and runs no timer. */}
      {open && <Panel cache={cache} />}
    </div>
  )
}

/** {@link Devtools} for the nearest cache: the hook runs only on the client, where it never throws. */
function NearestDevtools(props: CacheDevtoolsProps) {
  return <Devtools {...props} cache={useCache()} />
}

/**
 * A floating panel that shows a poche cache: its figures, live entries with their time left and
 * readers, actions on them, and an event log. Closed, it costs a button: no listener, no timer.
 * Its UI lives in an open shadow root of a `<div data-poche-devtools>`, so the app's styles and
 * its own never meet.
 */
export function CacheDevtools({ enabled = !inProduction(), ...props }: CacheDevtoolsProps): ReactElement | null {
  const [root, setRoot] = useState<ShadowRoot>()
  const attach = useCallback((host: HTMLDivElement | null) => {
    if (host) setRoot(host.shadowRoot ?? host.attachShadow({ mode: 'open' }))
  }, [])
  if (!enabled) return null
  return (
    <div data-poche-devtools="" ref={attach}>
      {root &&
        createPortal(props.cache ? <Devtools {...props} cache={props.cache} /> : <NearestDevtools {...props} />, root)}
    </div>
  )
}
