#!/usr/bin/env bash
# Reports the release wasm bundle's size, and fails above the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=target/site/pkg/rapport.wasm
budget_kb=250
raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'wasm bundle: %d KB raw, %d KB gzipped (budget %d KB gzipped)\n' \
  $((raw / 1024)) $((gz / 1024)) "$budget_kb"
if [ "$gz" -gt $((budget_kb * 1024)) ]; then
  echo "The gzipped wasm bundle is over its budget." >&2
  exit 1
fi
