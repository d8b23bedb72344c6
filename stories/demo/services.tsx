import { createContext, type ReactNode, useContext, useMemo, useState } from 'react'
import { createPricing, type Pricing } from './pricing'
import { createRequestLog, type RequestLog } from './requestLog'

/** What the shop's components share besides the cache: its pricing service and request log. */
export interface ShopServices {
  pricing: Pricing
  requests: RequestLog
  /** Added before each HTTP request, in ms, so a loading state shows. */
  latency: number
}

const ServicesContext = createContext<ShopServices | null>(null)

export function ServicesProvider({ latency, children }: { latency: number; children: ReactNode }) {
  const [services] = useState(() => ({ pricing: createPricing(), requests: createRequestLog() }))
  const value = useMemo(() => ({ ...services, latency }), [services, latency])
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>
}

export function useServices(): ShopServices {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('The shop needs a ServicesProvider above it.')
  return services
}
