#!/usr/bin/env bash
# Runs every benchmark and prints its figures.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in bench/*.ts; do
  echo "== $b"
  node --expose-gc --import tsx "$b"
done
