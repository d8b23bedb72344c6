import type { NextRequest } from 'next/server'

// How many requests each key received, for as long as the server runs. Only this module can see it,
// so the same route also reports it: GET /api/value?key=K serves a value, GET /api/value the counts.
const counts = new Map<string, number>()

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  const key = request.nextUrl.searchParams.get('key')
  if (key === null) return Response.json({ counts: Object.fromEntries(counts) })
  const count = (counts.get(key) ?? 0) + 1
  counts.set(key, count)
  // Slow enough that every reader mounts while the request is in flight.
  await new Promise((resolve) => setTimeout(resolve, 150))
  return Response.json({ key, value: `value of ${key}`, request: count })
}
