export { type Persistence, type PersistOptions, persistCache, type StorageLike } from './persistCache'
export type { PersistedCache } from './record'
export type { ErrorHandler } from './report'
export { type SyncTabsOptions, syncTabs } from './syncTabs'
