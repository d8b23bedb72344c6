export { Cache, type CacheItem, type CacheOptions } from './cache'
export type { Clock } from './clock'
export type { CacheEvent, Listener } from './emitter'
export { KeyError } from './errors'
export {
  type CacheSnapshot,
  type DehydrateOptions,
  dehydrate,
  type HydrateOptions,
  hydrate,
  serializeSnapshot,
} from './snapshot'
