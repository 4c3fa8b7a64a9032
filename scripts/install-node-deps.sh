#!/usr/bin/env bash
# Installs exactly the npm packages of package-lock.json with `npm ci`, unless
# node_modules was already installed from this very lock (its hash is kept there).
# Electron's and Playwright's own binary downloads are skipped: build machines cannot
# fetch them, and the tests use Debian's Chromium and mock Electron (ARCHITECTURE.md).
# MTP_ELECTRON_BINARY=1 keeps Electron's download: GitHub Actions (.github/workflows/ci.yml).
set -euo pipefail
if [ "${MTP_ELECTRON_BINARY:-}" != 1 ]; then
  export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
fi
# node-gyp cannot download Node's headers here; build keytar against the installed ones.
[ -d /usr/include/node ] && export npm_config_nodedir=/usr
stamp=node_modules/.installed-from-lock
# Node computes the hash: macOS has no sha256sum.
want=$(node -e "process.stdout.write(require('crypto').createHash('sha256').update(require('fs').readFileSync('package-lock.json')).digest('hex'))")
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
