// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react'
import { startTransition, useState } from 'react'
import { expect, it } from 'vitest'
import { Cache, CacheProvider, useCacheItem } from '../../src/index'

it('a write in the middle of a startTransition render does not tear', async () => {
  const cache = new Cache<string, number>()
  cache.set('k', 0)
  let writeDuringRender = false
  function Reader({ id }: { id: number }) {
    const item = useCacheItem<number>('k')
    // The first reader of a transition render writes to the store, as an outside event would.
    if (writeDuringRender && id === 0) {
      writeDuringRender = false
      cache.set('k', 99)
    }
    return <span data-testid={`r${id}`}>{item?.value}</span>
  }
  function App() {
    const [count, setCount] = useState(0)
    return (
      <>
        <button type="button" onClick={() => startTransition(() => setCount((c) => c + 1))}>
          {`go ${count}`}
        </button>
        {[0, 1, 2, 3].map((id) => (
          <Reader key={id} id={id} />
        ))}
      </>
    )
  }
  // The write during render is what is being tested; React may report it, so let this through.
  const spy = console.error as unknown as { mockImplementation: (f: () => void) => void }
  const view = render(
    <CacheProvider cache={cache}>
      <App />
    </CacheProvider>,
  )
  spy.mockImplementation(() => {})
  writeDuringRender = true
  await act(async () => {
    screen.getByRole('button').click()
  })
  const values = [0, 1, 2, 3].map((id) => screen.getByTestId(`r${id}`).textContent)
  expect(new Set(values).size).toBe(1)
  expect(values[0]).toBe('99')
  view.unmount()
})
