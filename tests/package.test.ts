import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import * as core from '../src/core/index'
import * as everything from '../src/index'

it('poche/core imports nothing from React, so it runs in Node, a browser or a worker', () => {
  const dir = join(__dirname, '../src/core')
  for (const file of readdirSync(dir)) {
    const source = readFileSync(join(dir, file), 'utf8')
    expect(source, file).not.toMatch(/from\s+['"]react/)
    expect(source, file).not.toMatch(/from\s+['"]\.\.\//)
  }
})

it('the package entry exports everything the core does', () => {
  for (const name of Object.keys(core)) expect(everything).toHaveProperty(name)
  expect(Object.keys(core).sort()).toEqual([
    'Cache',
    'KeyError',
    'beginOptimistic',
    'dehydrate',
    'hydrate',
    'serializeSnapshot',
  ])
})

it('package.json declares the public contract', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'))
  expect(pkg.name).toBe('poche')
  expect(pkg.sideEffects).toBe(false)
  expect(pkg.dependencies ?? {}).toEqual({})
  expect(pkg.peerDependencies.react).toBe('^18.0.0 || ^19.0.0')
  expect(pkg.peerDependenciesMeta.react.optional).toBe(true)
  expect(Object.keys(pkg.exports)).toEqual([
    '.',
    './core',
    './persist',
    './devtools',
    './stream',
    './server',
    './next',
    './package.json',
  ])
  expect(pkg.engines.node).toBeDefined()
})
