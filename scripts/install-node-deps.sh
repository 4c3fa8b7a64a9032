#!/usr/bin/env bash
# Installs the npm packages from package-lock.json when they are missing or stale.
# Electron's and Playwright's own binary downloads are skipped: build machines cannot
# fetch them, and the tests use Debian's Chromium and mock Electron (ARCHITECTURE.md).
set -euo pipefail
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# node-gyp cannot download Node's headers here; build keytar against the installed ones.
[ -d /usr/include/node ] && export npm_config_nodedir=/usr
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm ci` trips over optional platform packages that npm leaves out of the lock (rollup, esbuild);
  # `npm install` installs the locked versions all the same.
  npm install --no-audit --no-fund
fi
