// The built package as apps load it, by its own name through the exports map: one class per
// name across entries, in CommonJS and in ESM, and "use client" where React components live.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
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
}, 120_000)

const firstLine = (file: string) => readFileSync(join(root, 'dist', file), 'utf8').split('\n')[0]

it('the poche entry begins with "use client" in ESM and CJS; poche/core carries no directive', () => {
  expect(firstLine('index.js')).toBe('"use client";')
  expect(firstLine('index.cjs')).toBe('"use client";')
  expect(firstLine('core.js')).not.toMatch(/use client/)
  expect(firstLine('core.cjs')).not.toMatch(/use client/)
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
