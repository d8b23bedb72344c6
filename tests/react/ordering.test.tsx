// @vitest-environment jsdom
// A response that started before a newer request, a set, a delete or an invalidate of its key
// never overwrites what came after it, whatever order the responses settle in.
import { act, render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useCachedAsync } from '../../src/index'
import { show } from '../helpers/asyncState'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher, flushPromises } from '../helpers/deferred'

const setup = () => {
  const { cache, wrap } = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  cache.set('k', 'v0')
  cache.invalidate('k')
  function Reader() {
    return <span data-testid="v">{show(useCachedAsync('k', fetcher, { retry: false }))}</span>
  }
  render(wrap(<Reader />))
  // Mounting on the invalidated key started a background request: calls[0].
  expect(calls).toHaveLength(1)
  return { cache, calls, text: () => screen.getByTestId('v').textContent }
}

const settle = async (call: { resolve(v: string): void } | undefined, value: string) => {
  await act(async () => {
    call?.resolve(value)
    await flushPromises()
  })
}

it.each([
  ['older first', [0, 1]],
  ['newer first', [1, 0]],
])('an invalidation during a background request: the newer response wins (%s)', async (_, order) => {
  const { cache, calls, text } = setup()
  act(() => {
    cache.invalidate('k')
  })
  expect(calls).toHaveLength(2)
  for (const i of order as number[]) await settle(calls[i], `response ${i}`)
  expect(cache.get('k')).toBe('response 1')
  expect(text()).toBe('success:response 1:idle')
})

it.each([
  ['set', (cache: { set(k: string, v: string): void }) => cache.set('k', 'manual'), 'manual'],
  ['delete', (cache: { delete(k: string): void }) => cache.delete('k'), undefined],
])('a %s during a background request: its response is dropped', async (_, change, expected) => {
  const { cache, calls } = setup()
  act(() => change(cache as never))
  expect(calls[0]?.signal.aborted).toBe(true)
  await settle(calls[0], 'late')
  if (expected === undefined) {
    // The mounted reader fetched the deleted key anew; the late response did not fill it.
    expect(calls).toHaveLength(2)
    await settle(calls[1], 'fresh')
    await expect(cache.get('k')).resolves.toBe('fresh')
  } else expect(cache.get('k')).toBe(expected)
})

it('a failed background refetch keeps the data on screen and shows the error', async () => {
  const { calls, text } = setup()
  await act(async () => {
    calls[0]?.reject(new Error('down'))
    await flushPromises()
  })
  expect(text()).toBe('error:v0:idle:stale:failures=1:down')
})
