// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it } from 'vitest'
import { CacheDevtools } from '../../src/devtools/index'
import { Cache, CacheProvider, defaultCache } from '../../src/index'
import { devtools, openPanel, settle, shadowRoot, shownKeys, toggle } from './panel'

afterEach(() => {
  cleanup()
  defaultCache.flush()
})

it('lives in the open shadow root of one host element, with its styles, for light and dark', () => {
  const { container } = render(<CacheDevtools cache={new Cache()} />)
  const hosts = container.querySelectorAll('[data-poche-devtools]')
  expect(hosts).toHaveLength(1)
  const host = hosts[0] as HTMLElement
  expect(host.shadowRoot?.mode).toBe('open')
  // Nothing of the UI sits in the page's own DOM.
  expect(host.childNodes).toHaveLength(0)
  const style = shadowRoot().querySelector('style')?.textContent ?? ''
  expect(style).toContain('@media (prefers-color-scheme:dark)')
  expect(style).toContain('system-ui')
})

it('opens and closes with one toggle whose name stays the same', () => {
  render(<CacheDevtools cache={new Cache()} />)
  const toggleButton = devtools().getByRole('button', { name: 'poche devtools' })
  expect(toggleButton.getAttribute('aria-expanded')).toBe('false')
  expect(openPanel()).toBeNull()
  fireEvent.click(toggleButton)
  expect(toggleButton.getAttribute('aria-expanded')).toBe('true')
  expect(devtools().getByRole('region', { name: 'poche cache' })).toBeTruthy()
  fireEvent.click(devtools().getByRole('button', { name: 'poche devtools' }))
  expect(toggleButton.getAttribute('aria-expanded')).toBe('false')
  expect(openPanel()).toBeNull()
})

it('shows the default cache outside any provider', async () => {
  defaultCache.set('from default', 1)
  render(<CacheDevtools initialIsOpen />)
  await settle()
  expect(shownKeys()).toEqual(['from default'])
})

it('shows the nearest provider cache, or the cache it is given, with or without a provider', async () => {
  const provided = new Cache<string, number>()
  provided.set('from provider', 1)
  const given = new Cache<string, number>()
  given.set('given', 1)
  const { rerender } = render(
    <CacheProvider cache={provided}>
      <CacheDevtools initialIsOpen />
    </CacheProvider>,
  )
  await settle()
  expect(shownKeys()).toEqual(['from provider'])
  rerender(
    <CacheProvider cache={provided}>
      <CacheDevtools cache={given} initialIsOpen />
    </CacheProvider>,
  )
  await settle()
  expect(shownKeys()).toEqual(['given'])
  cleanup()
  render(<CacheDevtools cache={given} initialIsOpen />)
  await settle()
  expect(shownKeys()).toEqual(['given'])
})

it('under StrictMode, holds one listener while open and none once closed', async () => {
  const cache = new Cache()
  cache.set('a', 1)
  render(
    <StrictMode>
      <CacheDevtools cache={cache} />
    </StrictMode>,
  )
  expect(cache.listenerCount).toBe(0)
  toggle()
  await settle()
  expect(cache.listenerCount).toBe(1)
  expect(shownKeys()).toEqual(['a'])
  toggle()
  expect(cache.listenerCount).toBe(0)
})

it('hydrates the host that the server rendered, without a warning, and then opens', async () => {
  const cache = new Cache()
  cache.set('a', 1)
  const container = document.createElement('div')
  document.body.append(container)
  container.innerHTML = renderToString(<CacheDevtools cache={cache} initialIsOpen />)
  const root = await act(async () => hydrateRoot(container, <CacheDevtools cache={cache} initialIsOpen />))
  expect(shownKeys()).toEqual(['a'])
  expect(cache.listenerCount).toBe(1)
  act(() => root.unmount())
  container.remove()
  expect(cache.listenerCount).toBe(0)
})
