import { AsyncValue } from './async-value'

// Three readers of `alpha`, two of `beta`.
const readers = [
  { key: 'alpha', reader: 1 },
  { key: 'alpha', reader: 2 },
  { key: 'alpha', reader: 3 },
  { key: 'beta', reader: 1 },
  { key: 'beta', reader: 2 },
]

// Five components on two keys: /api/value counts one request per key. `?run=ID` gives the keys a
// prefix of their own, so that a check can tell its requests from any made before.
export default async function AsyncPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const { run } = await searchParams
  const prefix = run ? `${run}:` : ''
  return (
    <main>
      <h1>useCachedAsync</h1>
      <p>Several components read each key; the route handler behind them counts one request per key.</p>
      <ul>
        {readers.map(({ key, reader }) => (
          <AsyncValue key={`${key}-${reader}`} cacheKey={`${prefix}${key}`} reader={reader} />
        ))}
      </ul>
    </main>
  )
}
