#!/usr/bin/env bash
# Installs exactly the npm packages of package-lock.json with `npm ci`, unless
# node_modules was already installed from this very lock (its hash is kept there).
# Electron's and Playwright's own binary downloads are skipped: build machines cannot
# fetch them, and the tests use Debian's Chromium and mock Electron (ARCHITECTURE.md).
set -euo pipefail
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# node-gyp cannot download Node's headers here; build keytar against the installed ones.
[ -d /usr/include/node ] && export npm_config_nodedir=/usr
stamp=node_modules/.installed-from-lock
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
