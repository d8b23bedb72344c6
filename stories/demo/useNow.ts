import { useEffect, useState } from 'react'

/** The current time, updated every `interval` ms while mounted: for countdowns. */
export function useNow(interval = 250): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), interval)
    return () => clearInterval(timer)
  }, [interval])
  return now
}

/** Whole seconds from `now` until `expiration` (at least 0); `null` when it never expires. */
export const secondsUntil = (expiration: number | null | undefined, now: number) =>
  expiration == null ? null : Math.max(0, Math.ceil((expiration - now) / 1000))
