// @vitest-environment node
// Server rendering: useCachedMutation renders idle, and does nothing.
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { CacheProvider, type MutationState, useCachedMutation } from '../../src/index'

it('renders idle; mutate does nothing and mutateAsync rejects, without running anything', async () => {
  const fn = vi.fn(async () => 1)
  const optimistic = vi.fn()
  let state!: MutationState<void, number>
  function Saver() {
    state = useCachedMutation(fn, { optimistic })
    return <p>{`${state.status} ${state.isPending}`}</p>
  }
  expect(renderToString(<CacheProvider>{<Saver />}</CacheProvider>)).toBe('<p>idle false</p>')
  expect(state.mutate()).toBeUndefined()
  await expect(state.mutateAsync()).rejects.toThrow(/browser/)
  expect(fn).not.toHaveBeenCalled()
  expect(optimistic).not.toHaveBeenCalled()
})
