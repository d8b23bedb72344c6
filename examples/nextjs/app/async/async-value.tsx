'use client'

import { useCachedAsync } from 'poche'

interface Value {
  key: string
  value: string
  request: number
}

const fetchValue = (key: string) => async (signal: AbortSignal) => {
  const response = await fetch(`/api/value?key=${encodeURIComponent(key)}`, { signal })
  if (!response.ok) throw new Error(`GET /api/value?key=${key}: ${response.status}`)
  return (await response.json()) as Value
}

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
