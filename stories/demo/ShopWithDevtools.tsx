import { CacheDevtools, type CacheDevtoolsProps } from '../../src/devtools/index'
import { CacheProvider } from '../../src/index'
import { Shop } from './Shop'

export interface ShopWithDevtoolsProps {
  /** Whether the devtools panel starts open. */
  initialIsOpen: boolean
  /** The corner of the window for the devtools toggle and panel. */
  position: NonNullable<CacheDevtoolsProps['position']>
  /** Added before each HTTP request of the shop, in ms, so loading and refetching can be seen. */
  latency: number
}

/**
 * The demo shop in its own cache (60 s default TTL, at most 500 entries), with `CacheDevtools`
 * over it. `enabled` is passed because the built Storybook is a production build, where the panel
 * renders nothing by default.
 */
export function ShopWithDevtools({ initialIsOpen, position, latency }: ShopWithDevtoolsProps) {
  return (
    <CacheProvider defaultTtl={60_000} maxSize={500}>
      <Shop latency={latency} />
      <CacheDevtools key={`${initialIsOpen}`} enabled initialIsOpen={initialIsOpen} position={position} />
    </CacheProvider>
  )
}
