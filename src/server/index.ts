export { renderToCacheStream } from './renderToCacheStream'
