import type { ReactNode } from 'react'
import { Cache, CacheProvider } from '../../src/index'
import { FakeClock } from './fakeClock'
import { RenderCounter } from './renderCounter'

/**
 * What a hook test starts from: a cache on a fake clock (starting at `start`), a render counter,
 * and `wrap`, which puts children under a provider of that cache.
 */
export const cacheSetup = (options: { maxSize?: number; start?: number } = {}) => {
  const clock = new FakeClock(options.start)
  const cache = new Cache<string, unknown>({ clock, maxSize: options.maxSize })
  const renders = new RenderCounter()
  const wrap = (children: ReactNode) => <CacheProvider cache={cache}>{children}</CacheProvider>
  return { clock, cache, renders, wrap }
}
