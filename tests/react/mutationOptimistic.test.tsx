// @vitest-environment jsdom
// What readers see during and after a mutation: optimistic values at once, exact rollbacks in
// every settling order, no flicker on success, no race with a fetch, chained updaters.
import { act, render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { type AsyncState, useCachedAsync, useCachedMutation, useCacheItem, useCacheKeys } from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'
import { controlledFetcher, type Deferred, deferred, flushPromises } from '../helpers/deferred'
import { overlayOf } from '../helpers/overlay'
import { failOnUnhandledRejections } from '../helpers/unhandledRejections'

failOnUnhandledRejections()

type Mutate = (value: number) => void

/** A counter reader and a component whose mutation sets `count` to what it is given. */
const harness = (setup: ReturnType<typeof cacheSetup>) => {
  const requests: Deferred<number>[] = []
  const started: number[] = []
  const seen: unknown[] = []
  let mutate!: Mutate
  function Reader() {
    const item = useCacheItem<number>('count')
    setup.renders.hit('reader')
    seen.push(item?.value)
    return <span data-testid="count">{String(item?.value)}</span>
  }
  function Saver() {
    mutate = useCachedMutation(
      (_: number) => {
        started.push(setup.cache.get('count') as number)
        const request = deferred<number>()
        requests.push(request)
        return request.promise
      },
      {
        optimistic: (value, cache) => cache.set('count', value),
        onSuccess: (result, _value, cache) => cache.set('count', result),
      },
    ).mutate
    return null
  }
  setup.cache.set('count', 0)
  render(
    setup.wrap(
      <>
        <Reader />
        <Saver />
      </>,
    ),
  )
  setup.renders.reset()
  seen.length = 0
  return { requests, started, seen, mutate: (value: number) => mutate(value) }
}

it('shows the optimistic value in the same tick, before the request starts, with one render', () => {
  const setup = cacheSetup()
  const { started, seen, mutate } = harness(setup)
  act(() => mutate(5))
  expect(started).toEqual([5]) // the request saw the optimistic value already in the cache
  expect(screen.getByTestId('count').textContent).toBe('5')
  expect(setup.renders.of('reader')).toBe(1)
  expect(seen).toEqual([5])
})

it('rolls back to the committed value as it is now, including what arrived meanwhile', async () => {
  const setup = cacheSetup()
  const { requests, mutate } = harness(setup)
  act(() => mutate(5))
  act(() => setup.cache.set('count', 2)) // the server's data arrives under the layer
  expect(screen.getByTestId('count').textContent).toBe('5')
  await act(async () => requests[0]?.reject(new Error('refused')))
  expect(screen.getByTestId('count').textContent).toBe('2')
})

it('two overlapping saves: every order of success and failure ends right, never showing stale values', async () => {
  const outcomes = [
    ['fail', 'fail'],
    ['fail', 'ok'],
    ['ok', 'fail'],
    ['ok', 'ok'],
  ] as const
  for (const outcome of outcomes) {
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const setup = cacheSetup()
      const { requests, seen, mutate } = harness(setup)
      act(() => mutate(1))
      act(() => mutate(2))
      for (const i of order) {
        const request = requests[i as number] as Deferred<number>
        await act(async () =>
          outcome[i as number] === 'ok' ? request.resolve(10 + (i as number)) : request.reject(new Error('no')),
        )
      }
      // What a success committed stays (the server's answer); failures leave the committed value.
      const committed = [0, ...order.filter((i) => outcome[i as number] === 'ok').map((i) => 10 + (i as number))].at(-1)
      expect(setup.cache.get('count'), `${outcome} in order ${order}`).toBe(committed)
      // After the second save's value showed, the first one's shows again only where the model
      // says so: the second failed while the first was still pending.
      const afterSecond = seen.slice(seen.indexOf(2))
      if (outcome[1] === 'ok' || order[0] === 0) expect(afterSecond, `${outcome} ${order}`).not.toContain(1)
      expect(overlayOf(setup.cache)).toBeUndefined()
    }
  }
})

it("the first of two overlapping saves failing never wipes the second one's value", async () => {
  const setup = cacheSetup()
  const { requests, seen, mutate } = harness(setup)
  act(() => mutate(1))
  act(() => mutate(2))
  setup.renders.reset()
  await act(async () => requests[0]?.reject(new Error('no')))
  expect(screen.getByTestId('count').textContent).toBe('2')
  expect(setup.renders.of('reader')).toBe(0)
  await act(async () => requests[1]?.resolve(2))
  // The last render is of the server's answer (the same number, a committed entry now).
  expect(seen).toEqual([1, 2, 2])
})

it('updaters chain: two +1 in one tick show +2', () => {
  const setup = cacheSetup()
  let increment!: (v: undefined) => void
  function Counter() {
    increment = useCachedMutation((_: undefined) => new Promise(() => {}), {
      optimistic: (_: undefined, cache) => cache.set('n', (cache.get('n') as number) + 1),
    }).mutate
    return <span data-testid="n">{String(useCacheItem('n')?.value)}</span>
  }
  setup.cache.set('n', 10)
  render(setup.wrap(<Counter />))
  act(() => {
    increment(undefined)
    increment(undefined)
  })
  expect(screen.getByTestId('n').textContent).toBe('12')
})

it('a temporary key written only in optimistic is gone after the mutation settles', async () => {
  const setup = cacheSetup()
  const request = deferred<{ id: number }>()
  let add!: (title: string) => void
  function Todos() {
    add = useCachedMutation((_: string) => request.promise, {
      optimistic: (title, cache) => cache.set('todo:temp', title),
      onSuccess: (todo, title, cache) => cache.set(`todo:${todo.id}`, title),
    }).mutate
    return <span data-testid="keys">{useCacheKeys().join(',')}</span>
  }
  render(setup.wrap(<Todos />))
  act(() => add('milk'))
  expect(screen.getByTestId('keys').textContent).toBe('todo:temp')
  await act(async () => request.resolve({ id: 7 }))
  expect(screen.getByTestId('keys').textContent).toBe('todo:7')
})

const show = (state: AsyncState<unknown>) => `${state.status}:${String(state.data)}`

/** A profile that reads 'user' with useCachedAsync and renames it through a mutation whose request is `request`. */
const profile = () => {
  const setup = cacheSetup()
  const { calls, fetcher } = controlledFetcher<string>()
  const request = deferred<string>()
  const seen: string[] = []
  let rename!: (name: string) => void
  function Profile() {
    const state = useCachedAsync('user', fetcher, { retry: false })
    seen.push(show(state))
    rename = useCachedMutation((_: string) => request.promise, {
      optimistic: (name, cache) => cache.set('user', name),
    }).mutate
    return <span data-testid="user">{show(state)}</span>
  }
  const { unmount } = render(setup.wrap(<Profile />))
  const shown = () => screen.getByTestId('user').textContent
  return { cache: setup.cache, calls, request, seen, shown, unmount, rename: (name: string) => rename(name) }
}

it('a fetch that started before the save and lands during it becomes the committed value under it', async () => {
  for (const save of ['ok', 'fail'] as const) {
    const { calls, request, seen, shown, unmount, rename } = profile()
    act(() => rename('ada'))
    expect(shown()).toBe('success:ada')
    await act(async () => calls[0]?.resolve('old name'))
    expect(shown()).toBe('success:ada')
    expect(calls[0]?.signal.aborted).toBe(false)
    await act(async () => (save === 'ok' ? request.resolve('ok') : request.reject(new Error('no'))))
    if (save === 'fail') expect(shown()).toBe('success:old name')
    expect(seen).not.toContain('success:undefined')
    unmount()
  }
})

it('success never flickers: the optimistic value stays until the refetch lands, then the server value shows', async () => {
  const { cache, calls, request, seen, shown, rename } = profile()
  await act(async () => calls[0]?.resolve('old'))
  act(() => rename('ada'))
  await act(async () => request.resolve('ok'))
  // Invalidated, so its reader refetches it at once; the optimistic value stays meanwhile.
  expect(calls).toHaveLength(2)
  expect(shown()).toBe('success:ada')
  await act(async () => calls[1]?.resolve('ada (saved)'))
  expect(shown()).toBe('success:ada (saved)')
  const afterSave = seen.slice(seen.indexOf('success:ada'))
  expect(afterSave).not.toContain('success:old')
  expect(overlayOf(cache)).toBeUndefined()
})

it('a failed save rolls back at once, and its reader refetches the key once', async () => {
  const { calls, request, shown, rename } = profile()
  await act(async () => calls[0]?.resolve('old'))
  act(() => rename('ada'))
  await act(async () => request.reject(new Error('refused')))
  expect(shown()).toBe('success:old')
  expect(calls).toHaveLength(2)
  await act(async () => calls[1]?.resolve('server'))
  expect(shown()).toBe('success:server')
})

it('the layer goes when the refetch fails, or when its last reader unmounts', async () => {
  for (const end of ['fails', 'unmounts'] as const) {
    const setup = cacheSetup()
    const { calls, fetcher } = controlledFetcher<string>()
    const request = deferred<string>()
    let rename!: (name: string) => void
    function Profile() {
      useCachedAsync('user', fetcher, { retry: false })
      return null
    }
    function Saver() {
      rename = useCachedMutation((_: string) => request.promise, {
        optimistic: (name, cache) => cache.set('user', name),
      }).mutate
      return null
    }
    const { rerender, unmount } = render(
      setup.wrap(
        <>
          <Profile />
          <Saver />
        </>,
      ),
    )
    await act(async () => calls[0]?.resolve('old'))
    act(() => rename('ada'))
    await act(async () => request.resolve('ok'))
    expect(setup.cache.get('user')).toBe('ada')
    if (end === 'fails') await act(async () => calls[1]?.reject(new Error('offline')))
    else rerender(setup.wrap(<Saver />))
    await act(flushPromises)
    expect(overlayOf(setup.cache), end).toBeUndefined()
    unmount()
  }
})
