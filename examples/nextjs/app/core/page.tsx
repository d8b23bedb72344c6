import { Cache } from 'poche/core'

interface Report {
  primes: number
  computation: number
  computedAt: string
}

// A server component keeps a plain Cache for data that every request may share (nothing per
// user): here a report computed at most once a minute, whatever the number of requests.
const reports = new Cache<string, Report>({ defaultTtl: 60_000 })
let computations = 0

const countPrimesBelow = (limit: number): number => {
  const composite = new Uint8Array(limit)
  let count = 0
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue
    count++
    for (let multiple = n * n; multiple < limit; multiple += n) composite[multiple] = 1
  }
  return count
}

// Rendered on every request (the cache, not a static build, decides what is recomputed).
export const dynamic = 'force-dynamic'

export default function CorePage() {
  const report = reports.getOrCompute('primes', () => ({
    primes: countPrimesBelow(100_000),
    computation: ++computations,
    computedAt: new Date().toISOString(),
  }))
  const item = reports.getItem('primes')
  return (
    <main>
      <h1>poche/core in a server component</h1>
      <p>
        <output data-testid="primes">{report.primes}</output> primes below 100,000, from computation #
        <output data-testid="computation">{report.computation}</output> at{' '}
        <output data-testid="computed-at">{report.computedAt}</output>.
      </p>
      <p>
        Keys in the server cache: <output data-testid="keys">{reports.keys().join(', ')}</output>; this entry expires at{' '}
        {item?.expiration ? new Date(item.expiration).toISOString() : 'never'}.
      </p>
    </main>
  )
}
