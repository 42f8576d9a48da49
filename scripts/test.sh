#!/usr/bin/env bash
# Every check and test: formatting, lints, unit and integration tests on
# SQLite, the integration tests again on a throwaway PostgreSQL, then the
# browser tests against the release build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never
# One build per run gains nothing from incremental caches, which took 1.5 GB
# of a CI machine's disk (which ran out once).
export CARGO_INCREMENTAL=0
step() { printf '\n==> %s\n' "$*"; }

scripts/bootstrap.sh test

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints (clippy, warnings are errors)"
# app gets its ssr feature through server, so one pass lints both with tests.
cargo clippy -p app -p server -p migrations --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "Release build (server + wasm bundle with wasm-opt)"
cargo leptos build --release --split
node scripts/finish-site.mjs target/site/pkg
scripts/wasm-size.sh

step "Unit and integration tests on SQLite"
cargo test -p app -p server -p migrations

pgdir=$(mktemp -d /tmp/rapport-pg.XXXXXX)
chmod 755 "$pgdir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
step "Starting a throwaway PostgreSQL on 127.0.0.1:$port"
pg_url=$(scripts/pg.sh start "$pgdir" "$port")
trap 'scripts/pg.sh stop "$pgdir"' EXIT
step "Integration tests on PostgreSQL"
TEST_DATABASE_URL="$pg_url" cargo test -p server --test '*'
echo "PostgreSQL cluster after the tests (each test drops its database): $(du -sh "$pgdir" | cut -f1)"

step "Browser tests (Playwright, headless Chromium, release build)"
(cd end2end && npx playwright test)
