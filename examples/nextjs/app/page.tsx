import { Fibonacci } from './fibonacci'

export default function Home() {
  return (
    <main>
      <h1>poche with Next.js</h1>
      <p>
        Two components read the key <code>fib:30</code> with <code>useCachedValue</code>: the first computes it, the
        second finds it in the cache.
      </p>
      <Fibonacci reader="first" />
      <Fibonacci reader="second" />
    </main>
  )
}
