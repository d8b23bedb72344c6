// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { Cache } from '../../src/core/index'
import { CacheDevtools } from '../../src/devtools/index'
import { devtools, settle } from './panel'

afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

const host = () => document.querySelector('[data-poche-devtools]')

it('renders nothing when NODE_ENV is production', async () => {
  vi.stubEnv('NODE_ENV', 'production')
  const cache = new Cache()
  const { container } = render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  expect(container.innerHTML).toBe('')
  expect(host()).toBeNull()
  expect(cache.listenerCount).toBe(0)
})

it('renders in production when enabled', async () => {
  vi.stubEnv('NODE_ENV', 'production')
  const cache = new Cache()
  render(<CacheDevtools cache={cache} initialIsOpen enabled />)
  await settle()
  expect(devtools().getByRole('region', { name: 'poche cache' })).toBeTruthy()
  expect(cache.listenerCount).toBe(1)
})

it('renders nothing in development when not enabled', () => {
  vi.stubEnv('NODE_ENV', 'development')
  render(<CacheDevtools cache={new Cache()} enabled={false} />)
  expect(host()).toBeNull()
})

it('renders, and does not throw, where there is no `process` (a browser build without a define)', async () => {
  vi.stubGlobal('process', undefined)
  render(<CacheDevtools cache={new Cache()} />)
  vi.unstubAllGlobals()
  expect(devtools().getByRole('button', { name: 'poche devtools' })).toBeTruthy()
})
