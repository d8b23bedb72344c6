// @vitest-environment jsdom
// Hooks skip the context read until a CacheProvider has rendered (a module-wide switch), so this
// file starts with no provider at all: it needs a fresh module, which vitest gives each file.
import { act, render, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { Cache, CacheProvider, defaultCache, useCacheItem } from '../../src/index'
import { RenderCounter } from '../helpers/renderCounter'

afterEach(() => {
  defaultCache.flush()
})

it('hooks mounted before any provider use the default cache, and a provider mounted later serves only its subtree', () => {
  const renders = new RenderCounter()
  function Reader({ id }: { id: string }) {
    const item = useCacheItem<number>('a')
    renders.hit(id)
    return <span data-testid={id}>{item ? String(item.value) : '-'}</span>
  }
  defaultCache.set('a', 1)
  const outside = render(<Reader id="outside" />)
  expect(screen.getByTestId('outside').textContent).toBe('1')

  const own = new Cache<string, number>()
  own.set('a', 2)
  render(
    <CacheProvider cache={own}>
      <Reader id="inside" />
    </CacheProvider>,
  )
  expect(screen.getByTestId('inside').textContent).toBe('2')

  act(() => defaultCache.set('a', 3))
  expect(screen.getByTestId('outside').textContent).toBe('3')
  expect(screen.getByTestId('inside').textContent).toBe('2')
  expect([renders.of('outside'), renders.of('inside')]).toEqual([2, 1])

  act(() => own.set('a', 4))
  expect(screen.getByTestId('outside').textContent).toBe('3')
  expect(screen.getByTestId('inside').textContent).toBe('4')
  expect([renders.of('outside'), renders.of('inside')]).toEqual([2, 2])

  // Wrapping the first reader in a provider remounts it, now reading that provider's cache.
  outside.rerender(
    <CacheProvider cache={own}>
      <Reader id="outside" />
    </CacheProvider>,
  )
  expect(screen.getByTestId('outside').textContent).toBe('4')
  act(() => defaultCache.set('a', 5))
  expect(screen.getByTestId('outside').textContent).toBe('4')
  expect(own.listenerCount).toBe(2)
  expect(defaultCache.listenerCount).toBe(0)
})
