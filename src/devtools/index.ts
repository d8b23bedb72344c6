export { CacheDevtools, type CacheDevtoolsProps } from './CacheDevtools'
