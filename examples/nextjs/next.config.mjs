import { fileURLToPath } from 'node:url'

// This folder is the app's root. Without these, Next sees the repository's own package-lock.json
// two levels up, takes the repository as the workspace root and warns about it.
const here = fileURLToPath(new URL('.', import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  turbopack: { root: here },
  outputFileTracingRoot: here,
}

export default nextConfig
