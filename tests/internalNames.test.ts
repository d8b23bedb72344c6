// The naming rule the build relies on (tsup.config.ts): a `_name` in the sources is always one of
// poche's own internal members. The build renames every `_name`, so one read from an object that
// poche did not make (a DOM node, a React object, a user's value) would be renamed and break.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { internalName } from '../tsup.config'

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : []
  })

const files = sources(join(__dirname, '../src')).map((path) => ({
  path,
  // Comments and strings are prose and data, never renamed.
  code: readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''"),
}))

// Members declared in poche's classes and interfaces: `_name(`, `get _name(`, `_name =`, `_name:`.
const declared = new Set(
  files.flatMap(({ code }) =>
    [...code.matchAll(/^\s+(?:get |readonly )?(_[a-zA-Z]\w*)\s*[(:=<?]/gm)].map((m) => m[1] as string),
  ),
)

it('the build’s rule matches one leading underscore, not two', () => {
  expect(internalName.test('_pin')).toBe(true)
  expect(internalName.test('__poche')).toBe(false)
  expect(internalName.test('pin')).toBe(false)
})

it('every `_name` the sources use is a member that poche itself declares', () => {
  expect(declared.size).toBeGreaterThan(10)
  for (const { path, code } of files) {
    // A property read or written (`x._name`), or an object literal's or a pattern's key (`{ _name: … }`).
    for (const match of code.matchAll(/(?:\.|[{,]\s*)(_[a-zA-Z]\w*)(?=\s*[:}(=.[;)\s])/g)) {
      expect(declared, `${path}: ${match[1]}`).toContain(match[1])
    }
  }
})
