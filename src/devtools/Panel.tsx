import { useEffect, useMemo, useState } from 'react'
import { useRenderState } from '../react/context'
import { keyFetches } from '../react/keyFetches'
import type { AnyCache } from '../react/renderState'
import { createBars } from './bars'
import { EntryRow } from './EntryRow'
import { EventLog } from './EventLog'
import { label } from './preview'
import { useWatch } from './watch'

/** How many rows the table shows at first, and how many more each "Show more" adds. */
const PAGE = 200

const COLUMNS = ['Key', 'Value', 'Time left', 'Readers', 'Actions']

/** The open panel: the cache's figures, its live entries with their actions, and the event log. */
export function Panel({ cache }: { cache: AnyCache }) {
  const [paused, setPaused] = useState(false)
  const { log, totals, own } = useWatch(cache, paused)
  const [filter, setFilter] = useState('')
  const [seconds, setSeconds] = useState('5')
  const [limit, setLimit] = useState(PAGE)
  const bars = useMemo(() => createBars(() => cache.now()), [cache])
  // The async readers' staleness (staleTime) is known to the hooks of the panel's own cache only;
  // an invalidation is known to the cache itself. Read each render (the panel renders every second).
  const renderState = useRenderState()
  const fetches = renderState.cache === cache ? renderState._part(keyFetches) : undefined
  const isStale = (key: unknown) => (fetches ? fetches.isStaleNow(key) : cache.isInvalidated(key))
  // React needs a string key per row: a key that is an object or a symbol gets an id of its own
  // (an object's weakly held; a symbol cannot be a WeakMap key in every engine).
  const [ids] = useState(() => ({
    objects: new WeakMap<object, string>(),
    symbols: new Map<symbol, string>(),
    count: 0,
  }))
  useEffect(() => bars.stop, [bars])
  // items(), never size: size removes expired entries, which would notify the app during this render.
  const items = cache.items()
  const query = filter.toLowerCase()
  const matching = query ? items.filter(([key]) => label(key).toLowerCase().includes(query)) : items
  const shown = matching.slice(0, limit)
  const { defaultTtl, maxSize } = cache
  // Mutations in flight: each has an open optimistic layer (see beginOptimistic).
  const pending = cache._overlay?._openLayerKeys() ?? []
  const rowKey = (key: unknown): string => {
    // Object(key) is key itself only for objects and functions; symbols need an id too, as two
    // symbols may print alike.
    if (Object(key) !== key && typeof key !== 'symbol') return typeof key + label(key)
    const of = (typeof key === 'symbol' ? ids.symbols : ids.objects) as Map<unknown, string>
    if (!of.has(key)) of.set(key, `#${ids.count++}`)
    return of.get(key) as string
  }
  return (
    <section aria-label="poche cache" className="panel">
      <dl>
        <dt>size</dt>
        <dd>{items.length}</dd>
        <dt>maxSize</dt>
        <dd>{maxSize === Infinity ? '∞' : maxSize}</dd>
        <dt>defaultTtl</dt>
        <dd>{defaultTtl === null ? 'none' : `${defaultTtl} ms`}</dd>
        <dt>listeners</dt>
        <dd>{Math.max(cache.listenerCount - own, 0)}</dd>
        <dt>pending mutations</dt>
        <dd title={pending.map((keys) => keys.map(label).join(', ')).join('\n')}>{pending.length}</dd>
      </dl>
      <div className="row">
        <input
          type="search"
          aria-label="Filter keys"
          placeholder="Filter keys"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label>
          Expire in{' '}
          <input
            type="number"
            aria-label="Expire in seconds"
            min={1}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />{' '}
          s
        </label>
      </div>
      <div className="scroll">
        <table aria-label="Entries">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(([key, item]) => {
              const { expiration } = item
              // The bar's 100% is the time left when the panel first saw this expiration.
              if (expiration !== null && totals.get(key)?.[0] !== expiration) {
                totals.set(key, [expiration, expiration - cache.now()])
              }
              return (
                <EntryRow
                  key={rowKey(key)}
                  cache={cache}
                  entryKey={key}
                  item={item}
                  optimistic={item !== cache.committed.getItem(key)}
                  readers={cache.keyListenerCount(key)}
                  stale={isStale(key)}
                  total={totals.get(key)?.[1] ?? 0}
                  seconds={Number(seconds)}
                  bars={bars}
                />
              )
            })}
          </tbody>
        </table>
        {!shown.length && <p>No entries</p>}
      </div>
      {shown.length < matching.length && (
        <div className="row">
          <span>{`Showing ${shown.length} of ${matching.length}`}</span>
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            Show more
          </button>
        </div>
      )}
      <EventLog log={log} paused={paused} onPause={() => setPaused(!paused)} />
    </section>
  )
}
