import { useEffect, useMemo, useState } from 'react'

/** Redraws on every animation frame while mounted: the time left has to drain smoothly. */
function useFrameTime(): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    let frame = requestAnimationFrame(function tick() {
      setNow(Date.now())
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [])
  return now
}

function Bar({ expiration }: { expiration: number }) {
  const now = useFrameTime()
  // The bar is full when the expiration is first shown (or moved), empty when it is reached.
  const total = useMemo(() => Math.max(expiration - Date.now(), 1), [expiration])
  const left = Math.max(expiration - now, 0)
  return (
    <span className="time-left">
      <meter min={0} max={total} value={left} aria-label="time left" style={{ width: 120 }} />{' '}
      <span>{(left / 1000).toFixed(1)} s</span>
    </span>
  )
}

/** The time an entry has left, as a draining bar; "never" for an entry without TTL. */
export function TimeLeft({ expiration }: { expiration: number | null }) {
  return expiration === null ? <span>never</span> : <Bar expiration={expiration} />
}
