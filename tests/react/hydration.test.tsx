// @vitest-environment jsdom
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { Cache, CacheProvider, useCachedValue, useCacheKeys } from '../../src/index'

function Page() {
  const value = useCachedValue('answer', () => 42, 60_000)
  const keys = useCacheKeys()
  return <p>{`${value} ${keys.join(',')}`}</p>
}

it('hydrateRoot on the server HTML gives no mismatch warning (console.error fails the test)', async () => {
  const html = renderToString(
    <CacheProvider cache={new Cache()}>
      <Page />
    </CacheProvider>,
  )
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.appendChild(container)
  const recoverable: unknown[] = []
  const client = new Cache()
  await act(async () => {
    hydrateRoot(
      container,
      <CacheProvider cache={client}>
        <Page />
      </CacheProvider>,
      { onRecoverableError: (error) => recoverable.push(error) },
    )
  })
  expect(recoverable).toEqual([])
  expect(container.innerHTML).toBe('<p>42 answer</p>')
  expect(client.get('answer')).toBe(42)
})
