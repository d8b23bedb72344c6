export { Cache, type CacheItem, type CacheOptions, type CommittedEntries } from './cache'
export type { Clock } from './clock'
export type { CacheEvent, Listener } from './emitter'
export { KeyError } from './errors'
export { beginOptimistic, type LayerState, type OptimisticLayer } from './optimistic'
export {
  type CacheSnapshot,
  type DehydrateOptions,
  dehydrate,
  type HydrateOptions,
  hydrate,
  serializeSnapshot,
} from './snapshot'
