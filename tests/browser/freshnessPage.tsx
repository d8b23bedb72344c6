// The page of freshness.test.ts: two async readers in a real Chromium page. 'price' is stale at
// once (fetched again on each return to the page); 'stock' is polled every 300 ms while shown.
import { createRoot } from 'react-dom/client'
import { CacheProvider, useCachedAsync } from '../../src/index'

declare global {
  interface Window {
    counts: Record<string, number>
    events: string[]
  }
}

window.counts = { price: 0, stock: 0 }
window.events = []
for (const type of ['visibilitychange', 'focus', 'blur']) {
  const target = type === 'visibilitychange' ? document : window
  target.addEventListener(type, () => window.events.push(`${type}:${document.visibilityState}`))
}

const counted = (key: string) => async () => {
  window.counts[key] = (window.counts[key] ?? 0) + 1
  return window.counts[key]
}

function App() {
  const price = useCachedAsync('price', counted('price'), { staleTime: 0 })
  const stock = useCachedAsync('stock', counted('stock'), { refetchInterval: 300, refetchOnFocus: false })
  return <p id="shown">{`price ${price.data} stock ${stock.data}`}</p>
}

const root = document.createElement('div')
document.body.append(root)
createRoot(root).render(
  <CacheProvider>
    <App />
  </CacheProvider>,
)
