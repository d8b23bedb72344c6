// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { Cache } from '../../src/core/index'
import { CacheDevtools } from '../../src/devtools/index'
import { change, devtools, labelled, rows, settle, shownKeys, type } from './panel'

afterEach(cleanup)

it('shows only the keys that contain the filter text, whatever its case', async () => {
  const cache = new Cache<unknown, number>()
  for (const key of ['user:1', 'User:2', 'price:1', 42]) cache.set(key, 1)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  const filter = devtools().getByRole('searchbox', { name: 'Filter keys' })
  type(filter, 'USER')
  expect(shownKeys()).toEqual(['user:1', 'User:2'])
  type(filter, ':1')
  expect(shownKeys()).toEqual(['user:1', 'price:1'])
  type(filter, '4')
  expect(shownKeys()).toEqual(['42'])
  // The filter holds for entries that arrive later.
  type(filter, 'user')
  await change(() => cache.set('user:3', 1))
  expect(shownKeys()).toEqual(['user:1', 'User:2', 'user:3'])
  type(filter, 'nothing like it')
  expect(shownKeys()).toEqual([])
  type(filter, '')
  expect(shownKeys()).toHaveLength(5)
})

it('counts and pages the matching entries only', async () => {
  const cache = new Cache<string, number>()
  for (let i = 0; i < 600; i++) cache.set(i % 2 ? `odd:${i}` : `even:${i}`, i)
  render(<CacheDevtools cache={cache} initialIsOpen />)
  await settle()
  type(labelled('Filter keys'), 'odd')
  expect(rows()).toHaveLength(200)
  expect(shownKeys().every((key) => key.startsWith('odd:'))).toBe(true)
  expect(devtools().getByText('Showing 200 of 300')).toBeTruthy()
  fireEvent.click(devtools().getByText('Show more'))
  expect(rows()).toHaveLength(300)
  expect(devtools().queryByText('Show more')).toBeNull()
})
