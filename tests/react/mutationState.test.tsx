// @vitest-environment jsdom
// useCachedMutation's state: status, data, error, variables, isPending of the latest call; mutate
// never rejects, mutateAsync does; reset; a call outlives its component, silently.
import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { expect, it } from 'vitest'
import { type MutationState, useCachedMutation } from '../../src/index'
import { cacheSetup } from '../helpers/cacheSetup'
import { type Deferred, deferred } from '../helpers/deferred'
import { failOnUnhandledRejections } from '../helpers/unhandledRejections'

failOnUnhandledRejections()

const describe = (state: MutationState<string, string>) =>
  `${state.status}:${state.data}:${(state.error as Error | undefined)?.message}:${state.variables}:${state.isPending}`

/** A component whose mutation answers each call with a deferred of `requests`. */
const harness = () => {
  const requests: Deferred<string>[] = []
  const seen: string[] = []
  let last!: MutationState<string, string>
  function Saver() {
    last = useCachedMutation((name: string) => {
      const request = deferred<string>()
      requests.push(request)
      return request.promise.then((id) => `${name}#${id}`)
    })
    seen.push(describe(last))
    return <span data-testid="state">{describe(last)}</span>
  }
  return { requests, seen, Saver, state: () => last }
}

it('goes from idle to pending to success, with the variables and the result', async () => {
  const { wrap } = cacheSetup()
  const { requests, Saver, state } = harness()
  render(wrap(<Saver />))
  expect(screen.getByTestId('state').textContent).toBe('idle:undefined:undefined:undefined:false')
  act(() => state().mutate('ada'))
  expect(screen.getByTestId('state').textContent).toBe('pending:undefined:undefined:ada:true')
  await act(async () => requests[0]?.resolve('1'))
  expect(screen.getByTestId('state').textContent).toBe('success:ada#1:undefined:ada:false')
})

it('mutate never rejects; mutateAsync rejects with the error, which the state shows', async () => {
  const { wrap } = cacheSetup()
  const { requests, Saver, state } = harness()
  render(wrap(<Saver />))
  let returned: unknown = 'not yet'
  act(() => {
    returned = state().mutate('a')
  })
  expect(returned).toBeUndefined()
  await act(async () => requests[0]?.reject(new Error('offline')))
  expect(screen.getByTestId('state').textContent).toBe('error:undefined:offline:a:false')
  let asyncCall!: Promise<string>
  act(() => {
    asyncCall = state().mutateAsync('b')
  })
  const failure = expect(asyncCall).rejects.toThrow('refused')
  await act(async () => requests[1]?.reject(new Error('refused')))
  await failure
  expect(screen.getByTestId('state').textContent).toBe('error:undefined:refused:b:false')
  let success!: Promise<string>
  act(() => {
    success = state().mutateAsync('c')
  })
  await act(async () => requests[2]?.resolve('3'))
  await expect(success).resolves.toBe('c#3')
})

it('shows the latest call, whatever order the calls settle in', async () => {
  for (const order of [
    [0, 1],
    [1, 0],
  ]) {
    const { wrap } = cacheSetup()
    const { requests, Saver, state } = harness()
    const { unmount } = render(wrap(<Saver />))
    act(() => state().mutate('first'))
    act(() => state().mutate('second'))
    for (const i of order) await act(async () => requests[i as number]?.resolve(String(i)))
    expect(screen.getByTestId('state').textContent).toBe('success:second#1:undefined:second:false')
    unmount()
  }
})

it('reset goes back to idle, and a call still running is no longer shown', async () => {
  const { wrap } = cacheSetup()
  const { requests, Saver, state } = harness()
  render(wrap(<Saver />))
  act(() => state().mutate('a'))
  act(() => state().reset())
  expect(screen.getByTestId('state').textContent).toBe('idle:undefined:undefined:undefined:false')
  await act(async () => requests[0]?.resolve('1'))
  expect(screen.getByTestId('state').textContent).toBe('idle:undefined:undefined:undefined:false')
})

it('a call outlives its component: its cache writes happen, with no React warning', async () => {
  const { cache, wrap } = cacheSetup()
  const request = deferred<string>()
  let mutate!: (v: string) => void
  function Saver() {
    mutate = useCachedMutation((v: string) => request.promise.then(() => v), {
      optimistic: (v, layer) => layer.set('name', v),
      onSuccess: (result, _v, c) => c.set('name', result),
    }).mutate
    return null
  }
  const { unmount } = render(<StrictMode>{wrap(<Saver />)}</StrictMode>)
  act(() => mutate('ada'))
  unmount()
  expect(cache.get('name')).toBe('ada')
  await act(async () => request.resolve('ok'))
  expect(cache.committed.getItem('name')?.value).toBe('ada')
  expect(cache.get('name')).toBe('ada')
})

it('keeps mutate, mutateAsync and reset the same functions across renders', () => {
  const { wrap } = cacheSetup()
  const { Saver, state } = harness()
  const { rerender } = render(wrap(<Saver />))
  const first = state()
  rerender(wrap(<Saver />))
  expect(state().mutate).toBe(first.mutate)
  expect(state().mutateAsync).toBe(first.mutateAsync)
  expect(state().reset).toBe(first.reset)
})
