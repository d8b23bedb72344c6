import { memo, useLayoutEffect, useRef, useState } from 'react'
import type { CacheItem } from '../core/entry'
import type { AnyCache } from '../react/renderState'
import { useOutcome } from '../react/request'
import type { Bars } from './bars'
import { label, preview, promiseIn, toJson } from './preview'

export interface EntryRowProps {
  cache: AnyCache
  entryKey: unknown
  item: CacheItem<unknown>
  /** Whether `item` is an optimistic value, shown over the committed entry by a pending mutation. */
  optimistic: boolean
  /** Whether the entry is stale: invalidated, or older than its async readers' `staleTime`. */
  stale: boolean
  /** How many components (and requests in flight) read the key. */
  readers: number
  /** The time the entry had left when the panel first saw its expiration (ms): the bar's 100%. */
  total: number
  /** What the Expire button gives the entry, in seconds. */
  seconds: number
  bars: Bars
}

// The entry may have expired or gone since it was shown (KeyError): the action then does nothing.
// Nothing else can throw: the Expire button is disabled unless its seconds are a positive number.
const attempt = (change: () => void): void => {
  try {
    change()
  } catch {}
}

// Stable, so the editor takes the focus once, when it opens, and not on every render.
const focus = (element: HTMLElement | null) => element?.focus()

/**
 * One live entry: key, value preview (expandable, editable as JSON), time left, readers, actions.
 * Memoized: a change to one entry re-renders its row, not the 199 others.
 */
export const EntryRow = memo(function EntryRow({
  cache,
  entryKey,
  item,
  optimistic,
  stale,
  readers,
  total,
  seconds,
  bars,
}: EntryRowProps) {
  const [expanded, setExpanded] = useState(false)
  const [draft, setDraft] = useState<string>()
  const [error, setError] = useState('')
  const editButton = useRef<HTMLButtonElement>(null)
  const bar = useRef<HTMLDivElement>(null)
  const name = label(entryKey)
  const { value, expiration } = item
  const shortValue = preview(value)
  // The cache announces nothing when a stored Promise settles: the row follows it as the hooks do,
  // to show the value that arrived.
  useOutcome(promiseIn(value))
  // The bar and the seconds left are painted by the panel's one animation loop, not by React.
  useLayoutEffect(
    () => (bar.current ? bars.add(bar.current, expiration as number, total) : undefined),
    [bars, expiration, total],
  )
  const closeEditor = () => {
    setDraft(undefined)
    setError('')
    editButton.current?.focus()
  }
  const save = () => {
    let parsed: unknown
    try {
      parsed = JSON.parse(draft as string)
    } catch (e) {
      return setError(`Invalid JSON: ${(e as Error).message}`)
    }
    // Keeps the expiration the entry has now; an entry gone meanwhile is not brought back.
    const current = cache.getItem(entryKey)
    if (current) cache.setItem(entryKey, { value: parsed, expiration: current.expiration })
    closeEditor()
  }
  return (
    <tr data-key={name}>
      <td className="m">
        {name}
        {optimistic && <span className="optimistic"> optimistic</span>}
        {stale && <span className="stale"> stale</span>}
      </td>
      <td>
        <button
          type="button"
          className="m v"
          // The name holds the text shown, so that voice control can say it (axe: label-content-name-mismatch).
          aria-label={`Expand ${name}: ${shortValue}`}
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {shortValue}
        </button>
        {expanded && <pre>{toJson(value, 2)}</pre>}
        {draft !== undefined && (
          <div>
            <textarea
              ref={focus}
              className="m"
              aria-label={`JSON value of ${name}`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            {error && <p role="alert">{error}</p>}
            <button type="button" onClick={save}>
              Save
            </button>
            <button type="button" onClick={closeEditor}>
              Cancel
            </button>
          </div>
        )}
      </td>
      <td className="t">
        {expiration === null ? (
          'never'
        ) : (
          <>
            <div
              ref={bar}
              role="progressbar"
              aria-label={`Time left for ${name}`}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <i />
            </div>
            {/* The seconds left: a text node that the loop writes and React leaves as it is. */}{' '}
          </>
        )}
      </td>
      <td>{readers}</td>
      <td className="a">
        <button type="button" aria-label={`Delete ${name}`} onClick={() => attempt(() => cache.delete(entryKey))}>
          Delete
        </button>
        <button
          type="button"
          aria-label={`Expire ${name}`}
          disabled={!(seconds > 0)}
          onClick={() => attempt(() => cache.expire(entryKey, seconds * 1000))}
        >
          Expire
        </button>
        <button
          type="button"
          aria-label={`Persist ${name}`}
          disabled={expiration === null}
          onClick={() => attempt(() => cache.persist(entryKey))}
        >
          Persist
        </button>
        <button
          ref={editButton}
          type="button"
          aria-label={`Edit ${name}`}
          onClick={() => (draft === undefined ? setDraft(toJson(value, 2)) : closeEditor())}
        >
          Edit
        </button>
      </td>
    </tr>
  )
})
