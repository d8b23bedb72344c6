import { useState } from 'react'
import { CacheDevtools } from '../../src/devtools/index'
import { CacheProvider, useCache } from '../../src/index'
import './demo.css'

/** Fills the cache once, before the panel beside it first renders. */
function Fill({ count }: { count: number }) {
  const cache = useCache<string, unknown>()
  useState(() => {
    for (let i = 1; i <= count; i++) {
      const key = `item:${String(i).padStart(5, '0')}`
      // Every tenth entry never expires; the others leave between 2 and 7 minutes from now.
      cache.set(
        key,
        { id: i, label: `Item ${i}`, tags: ['bulk', i % 2 ? 'odd' : 'even'] },
        i % 10 ? 120_000 + i * 30 : Infinity,
      )
    }
  })
  return null
}

/** A cache holding `count` entries, with the devtools panel open over it. */
export function BulkCache({ count }: { count: number }) {
  return (
    <CacheProvider maxSize={count * 2}>
      <Fill count={count} />
      <div className="shop">
        <section className="shop-card shop-note" aria-labelledby="bulk-title">
          <h1 id="bulk-title">{`${count.toLocaleString('en')} entries`}</h1>
          <p className="shop-muted">
            The panel renders 200 rows at a time; “Show more” adds 200, and the key filter searches them all.
          </p>
        </section>
      </div>
      <CacheDevtools enabled initialIsOpen />
    </CacheProvider>
  )
}
