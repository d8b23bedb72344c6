// The one Next.js API that poche/next uses; `next` itself is an optional peer, not installed here.
declare module 'next/navigation' {
  import type { ReactNode } from 'react'
  export function useServerInsertedHTML(callback: () => ReactNode): void
}
