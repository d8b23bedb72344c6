// poche/persist imports nothing from React, and reaches the core only through relative imports of
// src/core (so that the build shares one copy of the core between entries).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import * as persist from '../../src/persist/index'

it('src/persist imports nothing from React and nothing from outside src/core and itself', () => {
  const dir = join(__dirname, '../../src/persist')
  for (const file of readdirSync(dir)) {
    const source = readFileSync(join(dir, file), 'utf8')
    for (const [, from] of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
      expect(from, file).toMatch(/^\.\/|^\.\.\/core\//)
    }
  }
})

it('exports persistCache and syncTabs', () => {
  expect(Object.keys(persist).sort()).toEqual(['persistCache', 'syncTabs'])
})
