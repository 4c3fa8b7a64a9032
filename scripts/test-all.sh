#!/usr/bin/env bash
# Every test of the project: `npm test` runs this, and so does CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/install-node-deps.sh
echo "== typecheck"
npm run -s typecheck
echo "== lint"
npm run -s lint
echo "== unit and integration tests (real keychain, real HTTP against the simulator)"
mkdir -p .tmp
status=0
bash scripts/with-keyring.sh node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=$?
[ -f .tmp/vitest.json ] && node scripts/test-summary.mjs .tmp/vitest.json
echo "== small chaos soak (npm run soak runs the full size)"
npm run -s soak -- --items 30 --kills 3 --seed 7 || status=$?
exit $status
