#!/usr/bin/env bash
# Starts the release server on a fresh database for the browser tests.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf .tmp && mkdir -p .tmp
cd ..
export DATABASE_URL="sqlite://end2end/.tmp/e2e.db?mode=rwc"
export LEPTOS_SITE_ADDR="127.0.0.1:3100"
export LEPTOS_SITE_ROOT="target/site"
export LEPTOS_OUTPUT_NAME="rapport"
export RAPPORT_DEMO=1
export RAPPORT_STORAGE_DIR="end2end/.tmp/recordings"
exec ./target/release/server
