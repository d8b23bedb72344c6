// A pretend pricing service: each quote for a product drifts a little from its list price, so a
// recomputed price is visibly new. Counting quotes per product also shows how often poche
// called the factory (once per 10 s per product, not once per render).

import type { Product } from './catalog'

/** What the cache holds under `price:<id>`. */
export interface Price {
  amount: number
  currency: 'EUR'
  /** 1 for a product's first quote, then 2, 3, …: how many times the price was computed. */
  quote: number
}

// Consecutive steps differ, so two quotes in a row never show the same amount.
const drift = [0, 0.02, -0.015, 0.03, -0.01, 0.012, -0.025, 0.018]

export function createPricing() {
  const quotes = new Map<number, number>()
  return {
    quote(product: Product): Price {
      const quote = (quotes.get(product.id) ?? 0) + 1
      quotes.set(product.id, quote)
      const factor = 1 + (drift[(quote - 1) % drift.length] ?? 0)
      return { amount: Math.round(product.basePrice * factor * 100) / 100, currency: 'EUR', quote }
    },
  }
}

export type Pricing = ReturnType<typeof createPricing>

const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' })
export const formatPrice = (amount: number) => euros.format(amount)
