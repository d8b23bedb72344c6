// The page of tests/browser/devtoolsThemes.test.ts: a small app with the devtools panel open over
// it, its rows in the states that show every colour (a bar, "never", a disabled button, an
// expanded value and an invalid-JSON alert are opened by the test).
import { createRoot } from 'react-dom/client'
import { CacheDevtools } from '../../src/devtools/index'
import { Cache, CacheProvider, useCachedValue } from '../../src/index'

const cache = new Cache<string, unknown>({ defaultTtl: 60_000, maxSize: 100 })
cache.set('price:1', { amount: 34.9, currency: 'EUR' }, 10_000)
cache.set('cart', [{ id: 3, qty: 1 }], Infinity)
cache.set('user', {
  name: 'Ada',
  roles: ['admin', 'editor'],
  bio: 'A long value cut at sixty characters in the preview',
})

function Price() {
  const price = useCachedValue('price:1', () => ({ amount: 0, currency: 'EUR' })) as { amount: number }
  return <p>Price: {price.amount}</p>
}

const root = document.createElement('main')
document.body.append(root)
createRoot(root).render(
  <CacheProvider cache={cache}>
    <h1>Shop</h1>
    <Price />
    <CacheDevtools initialIsOpen enabled />
  </CacheProvider>,
)
