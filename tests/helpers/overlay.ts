/**
 * The optimistic overlay that `cache` holds (its internal `_overlay`), `undefined` while no layer
 * stands. The build renames every `_name`, so the suite run against dist/ (vitest.dist.config.ts)
 * cannot read it by name: it is found as the cache's one own property (the rest are `#private`).
 */
export function overlayOf(cache: object): unknown {
  const own = Object.keys(cache)
  if (own.length !== 1) throw new Error(`a Cache has one own property, its overlay; found: ${own.join(', ')}`)
  return (cache as Record<string, unknown>)[own[0] as string]
}
