import { useRef } from 'react'

/** How many times the calling component has rendered, this render included. */
export function useRenderCount(): number {
  const count = useRef(0)
  count.current++
  return count.current
}
