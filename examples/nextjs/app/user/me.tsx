'use client'

import { useCachedValue } from 'poche'

/**
 * Puts this request's user in the cache under the same key for everyone, `me`. Were the cache
 * shared between requests, the second user would read the first one's name here.
 */
export function Me({ name }: { name: string }) {
  const me = useCachedValue('me', () => name)
  return (
    <p>
      Signed in as <strong data-testid="me">{me}</strong>
    </p>
  )
}
