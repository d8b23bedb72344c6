'use client'

import { useCachedAsync } from 'poche'
import { fetchValue } from '../value'

/** One reader of `cacheKey`: every reader of a key shares one request. */
export function AsyncValue({ cacheKey, reader }: { cacheKey: string; reader: number }) {
  const { data, error, status } = useCachedAsync(cacheKey, fetchValue(cacheKey))
  return (
    <li data-testid="async-value" data-key={cacheKey} data-status={status}>
      {cacheKey}, reader {reader}:{' '}
      {status === 'success' && data ? (
        <>
          <span data-testid="data">{data.value}</span> (request #{data.request})
        </>
      ) : status === 'error' ? (
        `failed: ${String(error)}`
      ) : (
        'loading…'
      )}
    </li>
  )
}
