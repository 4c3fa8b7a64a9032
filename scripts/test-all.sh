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
rm -f .tmp/vitest.json
status=0
bash scripts/with-keyring.sh node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=$?
if [ -f .tmp/vitest.json ]; then
  node --import tsx scripts/test-report/summary.ts .tmp/vitest.json || status=1
else
  echo "tests: no report was written (.tmp/vitest.json)" >&2
  status=1
fi
echo "== small chaos soak (npm run soak runs the full size)"
npm run -s soak -- --items 30 --kills 3 --seed 7 || status=$?
exit $status
