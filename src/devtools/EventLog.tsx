import { useState } from 'react'
import { label } from './preview'
import type { LoggedEvent } from './watch'

const TYPES = ['all', 'set', 'delete', 'expire', 'evict', 'invalidate', 'flush']

/** HH:MM:SS.mmm in local time. */
const clockTime = (time: number): string => {
  const date = new Date(time)
  return `${date.toTimeString().slice(0, 8)}.${String(date.getMilliseconds()).padStart(3, '0')}`
}

export interface EventLogProps {
  /** The events, newest first. */
  log: LoggedEvent[]
  paused: boolean
  onPause(): void
}

/** The last events, filtered by type, with a button that pauses logging. */
export function EventLog({ log, paused, onPause }: EventLogProps) {
  const [type, setType] = useState('all')
  return (
    <section aria-label="Event log">
      <div className="row">
        <b>Events</b>
        <select aria-label="Event type" value={type} onChange={(e) => setType(e.target.value)}>
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="button" aria-pressed={paused} aria-label="Pause log" onClick={onPause}>
          Pause
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a list that scrolls must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable). */}
      <ol className="m" tabIndex={0}>
        {log.map(
          (event) =>
            (type === 'all' || type === event.type) && (
              <li key={event.id}>
                <time>{clockTime(event.time)}</time>
                {` ${event.type}${event.type === 'flush' ? '' : ` ${label(event.key)}`}`}
              </li>
            ),
        )}
      </ol>
    </section>
  )
}
