import type { NextRequest } from 'next/server'
import type { Value } from '../../value'

// How many requests each key received, for as long as the server runs. Only this module can see it,
// so the same route also reports it: GET /api/value?key=K serves a value, GET /api/value the counts.
// Only browsers call this route (the client components' fetcher has a relative URL, which fails on
// the server, and the prefetch page loads its data without it): every count is a browser request.
const counts = new Map<string, number>()

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  const key = request.nextUrl.searchParams.get('key')
  if (key === null) return Response.json({ counts: Object.fromEntries(counts) })
  const count = (counts.get(key) ?? 0) + 1
  counts.set(key, count)
  // Slow enough that every reader mounts while the request is in flight.
  await new Promise((resolve) => setTimeout(resolve, 150))
  return Response.json({ key, value: `value of ${key}`, source: 'route', request: count } satisfies Value)
}
