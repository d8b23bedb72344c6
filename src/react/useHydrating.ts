import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * Whether this render hydrates HTML rendered on the server: React reads the server snapshot then
 * (and on the server), the client one in a render of its own.
 * @internal
 */
export const useHydrating = (): boolean =>
  useSyncExternalStore(
    never,
    () => false,
    () => true,
  )
