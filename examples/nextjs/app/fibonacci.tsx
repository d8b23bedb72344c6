'use client'

import { useCachedValue } from 'poche'

const fibonacci = (n: number): number => (n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2))

/** Reads `fib:30` from the provider's cache, computing it on a miss (once per cache). */
export function Fibonacci({ reader }: { reader: string }) {
  const value = useCachedValue('fib:30', () => fibonacci(30))
  return (
    <p>
      {reader} reader: fib(30) = <output data-testid={`fib-${reader}`}>{value}</output>
    </p>
  )
}
