export { CacheStream } from './CacheStream'
