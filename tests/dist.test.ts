// The built package as apps load it, by its own name through the exports map: one class per
// name across entries, in CommonJS and in ESM, and "use client" where React components live.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'

const root = join(__dirname, '..')
// A require() from inside the package resolves `poche` through its own exports map.
const requireFromPackage = createRequire(join(root, 'package.json'))

beforeAll(() => {
  execFileSync(process.execPath, [requireFromPackage.resolve('tsup/dist/cli-default.js'), '--silent'], {
    cwd: root,
    stdio: 'inherit',
  })
}, 300_000)

const firstLine = (file: string) => readFileSync(join(root, 'dist', file), 'utf8').split('\n')[0]

it('poche and poche/devtools begin with "use client" in ESM and CJS; poche/core and poche/persist carry no directive', () => {
  for (const file of ['index.js', 'index.cjs', 'devtools.js', 'devtools.cjs'])
    expect(firstLine(file)).toBe('"use client";')
  for (const file of ['core.js', 'core.cjs', 'persist.js', 'persist.cjs'])
    expect(firstLine(file)).not.toMatch(/use client/)
})

it('poche/persist holds no copy of a core class: it imports them from the chunks poche/core uses', () => {
  for (const file of ['persist.js', 'persist.cjs']) {
    const source = readFileSync(join(root, 'dist', file), 'utf8')
    expect(source, file).not.toMatch(/class (Cache|KeyError)\b/)
    expect(source, file).toMatch(/chunk-/)
  }
})

it('poche/devtools holds no copy of a core class nor of the React context: it finds the provider poche puts in place', () => {
  for (const file of ['devtools.js', 'devtools.cjs']) {
    const source = readFileSync(join(root, 'dist', file), 'utf8')
    expect(source, file).not.toMatch(/class (Cache|KeyError)\b/)
    expect(source, file).not.toMatch(/createContext/)
    expect(source, file).toMatch(/chunk-/)
  }
})

it('the build shortens only internal names: no `_name` is in the public type declarations', () => {
  for (const entry of ['index', 'core', 'persist', 'devtools', 'stream', 'server', 'next']) {
    for (const extension of ['d.ts', 'd.cts']) {
      // Their TSDoc is prose, where `_pin` may be named.
      const text = readFileSync(join(root, 'dist', `${entry}.${extension}`), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
      const chunks = [...text.matchAll(/from '\.\/([\w.-]+)\.d\.c?ts'/g)].map((m) =>
        readFileSync(join(root, 'dist', `${m[1]}.${extension}`), 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''),
      )
      for (const declarations of [text, ...chunks]) expect(declarations).not.toMatch(/[\s.]_[a-zA-Z]\w*\s*[(:?]/)
    }
  }
})

it('the built code holds none of the internal names in full', () => {
  const built = readdirSync(join(root, 'dist'))
    .filter((file) => /\.c?js$/.test(file))
    .map((file) => readFileSync(join(root, 'dist', file), 'utf8'))
    .join('\n')
  for (const name of ['_slotOf', '_holdForRender', '_pin', '_takeScript', '_keyListChanged'])
    expect(built).not.toMatch(new RegExp(`\\.${name}\\b|\\b${name}\\(`))
})

it('CommonJS: every entry shares one Cache and one KeyError', () => {
  const poche = requireFromPackage('poche')
  const core = requireFromPackage('poche/core')
  expect(poche.Cache).toBe(core.Cache)
  expect(poche.KeyError).toBe(core.KeyError)
  const cache = new core.Cache()
  let caught: unknown
  try {
    cache.get('missing')
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(poche.KeyError)
  expect(poche.defaultCache).toBeInstanceOf(core.Cache)
})

// A record in a storage double, read back into a cache of poche/core by poche/persist.
const persistRoundTrip = `
  const data = new Map([['app', '{"version":0,"snapshot":{"version":1,"entries":[["a",1,null]]}}']])
  const storage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) }
  const cache = new core.Cache()
  persist.persistCache(cache, { name: 'app', storage }).stop()`

it('CommonJS: poche/persist works on a cache of poche/core', () => {
  const script = `
    const core = require('poche/core')
    const persist = require('poche/persist')
    ${persistRoundTrip}
    console.log(JSON.stringify([typeof persist.syncTabs, cache.get('a')]))`
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })
  expect(JSON.parse(out)).toEqual(['function', 1])
})

it('ESM: poche/persist works on a cache of poche/core', () => {
  const script = `
    import * as core from 'poche/core'
    import * as persist from 'poche/persist'
    ${persistRoundTrip}
    console.log(JSON.stringify([typeof persist.syncTabs, cache.get('a')]))`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
  expect(JSON.parse(out)).toEqual(['function', 1])
})

it('ESM (Node’s own loader): every entry shares one Cache and one KeyError', () => {
  const script = `
    import * as poche from 'poche'
    import * as core from 'poche/core'
    console.log(JSON.stringify([
      poche.Cache === core.Cache,
      poche.KeyError === core.KeyError,
      poche.defaultCache instanceof core.Cache,
    ]))`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
  expect(JSON.parse(out)).toEqual([true, true, true])
})
