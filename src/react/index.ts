export { CacheProvider, type CacheProviderProps, defaultCache, useCache } from './context'
export { useCachedValue } from './useCachedValue'
export { useCacheItem } from './useCacheItem'
export { useCacheKeys } from './useCacheKeys'
