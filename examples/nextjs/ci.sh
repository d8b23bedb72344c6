#!/usr/bin/env bash
# Builds the Next.js example against the packed package and checks it with check.mjs.
# Run from anywhere (bash examples/nextjs/ci.sh), once the repository has run `npm ci` and `npm run build`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export NEXT_TELEMETRY_DISABLED=1
started=$SECONDS
step() { echo "--- examples/nextjs: $1 ($((SECONDS - started)) s)"; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step 'npm pack'
tarball="$tmp/$(cd "$root" && npm pack --silent --pack-destination "$tmp" | tail -n 1)"
test -f "$tarball"

# The lockfile pins next, react and their dependencies; poche is not in it (a tarball's integrity
# changes with every build), so the tarball goes in afterwards without touching either file.
cd "$here"
step 'npm ci'
npm ci --no-audit --no-fund
step "npm install --no-save $(basename "$tarball")"
npm install --no-save --no-audit --no-fund "$tarball"
node -e "console.log('poche', require('poche/package.json').version, 'next', require('next/package.json').version, 'react', require('react/package.json').version)"

step 'next build'
node_modules/.bin/next build 2>&1 | tee "$tmp/build.log"
# Next marks its warnings with ⚠ (a wrongly inferred workspace root, for one): none is expected,
# except the note that a fresh clone has no build cache yet.
if grep '⚠' "$tmp/build.log" | grep -v 'No build cache found'; then
  echo 'examples/nextjs: next build printed the warnings above' >&2
  exit 1
fi

step 'check'
node check.mjs
step 'done'
