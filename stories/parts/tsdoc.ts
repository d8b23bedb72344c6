// Autodocs pages show each hook's TSDoc, read from its source file, so the docs cannot drift.

/** The TSDoc comment above `export function name` (or `export class name`) in `source`, as Markdown. */
export function tsdoc(source: string, name: string): string {
  const at = source.search(new RegExp(`export (function|class|const) ${name}\\b`))
  const start = source.lastIndexOf('/**', at)
  const end = source.lastIndexOf('*/', at)
  if (at < 0 || start < 0 || end < start) throw new Error(`No TSDoc found for ${name}`)
  const text = source
    .slice(start + 3, end)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim()
    .replace(/\{@link ([^}|]+)(\|[^}]*)?\}/g, '`$1`')
    .replace(/^@param (\w+) - /gm, '**`$1`**: ')
    .replace(/^@returns /gm, '**Returns** ')
    .replace(/^@throws /gm, '**Throws** ')
  return `### \`${name}\`\n\n${text}`
}
