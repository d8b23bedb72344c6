// @vitest-environment node
// Server rendering serves many users from one process: no hook may keep one request's data for the
// next. Outside a provider a hook refuses to render; each CacheProvider makes one cache per render.
import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { CacheProvider, defaultCache, useCachedValue, useCacheItem, useCacheKeys } from '../../src/index'

function Page({ user }: { user: string }) {
  const me = useCachedValue('me', () => user, 60_000)
  return <p>hello {me}</p>
}

it('two requests for different users rendered without a provider never see each other’s data', () => {
  const pages: string[] = []
  for (const user of ['alice', 'bob']) {
    try {
      pages.push(renderToString(<Page user={user} />))
    } catch (error) {
      pages.push(`error: ${(error as Error).message}`)
    }
  }
  // Before the fix the second page said "hello alice": bob's render read alice's cached value.
  expect(pages[1]).not.toContain('alice')
  expect(defaultCache.size).toBe(0)
})

it('a hook outside any provider throws an Error that names the fix', () => {
  expect(() => renderToString(<Page user="alice" />)).toThrow(/<CacheProvider>.*one cache per render/)
  const Keys = () => <p>{useCacheKeys().join(',')}</p>
  expect(() => renderToString(<Keys />)).toThrow(/CacheProvider/)
  const Item = () => <p>{String(useCacheItem('me')?.value)}</p>
  expect(() => renderToString(<Item />)).toThrow(/CacheProvider/)
  expect(defaultCache.size).toBe(0)
})

it('one provider per render gives each request its own cache', () => {
  const render = (user: string) =>
    renderToString(
      <CacheProvider defaultTtl={60_000}>
        <Page user={user} />
      </CacheProvider>,
    )
  expect(render('alice')).toBe('<p>hello <!-- -->alice</p>')
  expect(render('bob')).toBe('<p>hello <!-- -->bob</p>')
  expect(render('alice')).toBe('<p>hello <!-- -->alice</p>')
  expect(defaultCache.size).toBe(0)
})
