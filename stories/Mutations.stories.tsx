import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CacheProvider, useCachedAsync, useCachedMutation } from '../src/index'
import mutationSource from '../src/react/useCachedMutation.ts?raw'
import { tsdoc } from './parts/tsdoc'

interface Todo {
  id: string
  title: string
}

/**
 * A pretend server, one per story render: its list of todos, and a save that fails one time in
 * three (the third, sixth… call), after 150 ms, or 1.5 s when `slow`.
 */
function createServer(slow: () => boolean) {
  const todos: Todo[] = [{ id: '1', title: 'Buy milk' }]
  let saves = 0
  const wait = () => new Promise((resolve) => setTimeout(resolve, slow() ? 1500 : 150))
  return {
    list: async () => {
      await wait()
      return todos.map((todo) => ({ ...todo }))
    },
    save: async (todo: Todo): Promise<Todo> => {
      const call = ++saves
      await wait()
      if (call % 3 === 0) throw new Error(`The server refused "${todo.title}"`)
      const saved = { id: String(todos.length + 1), title: todo.title }
      todos.push(saved)
      return saved
    },
  }
}

type Server = ReturnType<typeof createServer>

function TodoList({ server }: { server: Server }) {
  const { data: todos = [], isFetching } = useCachedAsync('todos', () => server.list(), { retry: false })
  const [title, setTitle] = useState('')
  const [count, setCount] = useState(0)
  const { mutate, status, error, isPending, variables } = useCachedMutation(server.save, {
    // Shown at once; gone again, exactly, if the server refuses.
    optimistic: (todo, cache) => cache.set('todos', [...((cache.get('todos') as Todo[]) ?? []), todo]),
    // The list is fetched again once the save settled; the optimistic one stays until it lands.
    invalidate: (key) => key === 'todos',
  })
  const add = () => {
    setCount(count + 1)
    mutate({ id: `temp-${count}`, title: title || `Todo ${count + 1}` })
    setTitle('')
  }
  return (
    <section aria-label="todos">
      <ul aria-label="list">
        {todos.map((todo) => (
          <li key={todo.id} style={{ opacity: todo.id.startsWith('temp') ? 0.5 : 1 }}>
            {todo.title}
          </li>
        ))}
      </ul>
      <input aria-label="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <button type="button" onClick={add}>
        Add
      </button>
      <p>
        status: <output aria-label="status">{status}</output>
        {isPending && ` (saving "${variables?.title}")`}
        {isFetching && ' (refetching the list…)'}
      </p>
      {status === 'error' && <p role="alert">{(error as Error).message}: rolled back</p>}
    </section>
  )
}

interface DemoProps {
  /** Whether the server answers in 1.5 s instead of 150 ms: time to add several todos at once. */
  slowServer: boolean
}

/** A todo list whose saves are shown at once and fail one time in three. */
function MutationDemo({ slowServer }: DemoProps) {
  const [slow] = useState(() => ({ current: slowServer }))
  slow.current = slowServer
  const [server] = useState(() => createServer(() => slow.current))
  return (
    <CacheProvider>
      <TodoList server={server} />
    </CacheProvider>
  )
}

const meta = {
  title: 'Hooks/Mutations',
  component: MutationDemo,
  tags: ['autodocs'],
  args: { slowServer: false },
  parameters: { docs: { description: { component: tsdoc(mutationSource, 'useCachedMutation') } } },
} satisfies Meta<typeof MutationDemo>

export default meta
type Story = StoryObj<typeof meta>

const listOf = (canvas: ReturnType<typeof within>) =>
  Array.from((canvas.getByLabelText('list') as HTMLElement).querySelectorAll('li'), (li) => li.textContent)

export const SaveAndRollback: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(listOf(canvas)).toEqual(['Buy milk']))
    const add = canvas.getByRole('button', { name: 'Add' })
    for (const title of ['Bread', 'Eggs']) {
      await userEvent.type(canvas.getByLabelText('title'), title)
      await userEvent.click(add)
      // Shown at once, before the server answered.
      expect(listOf(canvas)).toContain(title)
      await waitFor(() => expect(canvas.getByLabelText('status')).toHaveTextContent('success'))
    }
    await waitFor(() => expect(listOf(canvas)).toEqual(['Buy milk', 'Bread', 'Eggs']))
    // The third save fails: the list goes back to what the server holds.
    await userEvent.type(canvas.getByLabelText('title'), 'Caviar')
    await userEvent.click(add)
    expect(listOf(canvas)).toContain('Caviar')
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('refused "Caviar"'))
    expect(listOf(canvas)).toEqual(['Buy milk', 'Bread', 'Eggs'])
  },
}

export const OverlappingSaves: Story = {
  args: { slowServer: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(listOf(canvas)).toEqual(['Buy milk']), { timeout: 4000 })
    const add = canvas.getByRole('button', { name: 'Add' })
    // Three saves in flight at once; the third will fail, the first two succeed.
    for (const title of ['A', 'B', 'C']) {
      await userEvent.type(canvas.getByLabelText('title'), title)
      await userEvent.click(add)
    }
    expect(listOf(canvas)).toEqual(['Buy milk', 'A', 'B', 'C'])
    // C's rollback keeps A and B (their own layers) on screen; the refetch brings the server's list.
    await waitFor(() => expect(listOf(canvas)).toEqual(['Buy milk', 'A', 'B']), { timeout: 8000 })
    await waitFor(() => expect(canvas.queryByText(/refetching/)).toBeNull(), { timeout: 8000 })
    expect(listOf(canvas)).toEqual(['Buy milk', 'A', 'B'])
  },
}
