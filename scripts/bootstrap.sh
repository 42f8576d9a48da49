#!/usr/bin/env bash
# Installs what building and testing Rapport needs, skipping whatever is
# already present. Usage: scripts/bootstrap.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

wbg_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
need_wbg=1
if have wasm-bindgen && wasm-bindgen --version | grep -q " $wbg_version"; then need_wbg=0; fi
need_leptos=1
if have cargo-leptos && cargo leptos --version 2>/dev/null | grep -q "0.3.10"; then need_leptos=0; fi

# cargo-leptos spends most of its build on one large crate, so the
# wasm-bindgen-cli build runs beside it on the other core.
wbg_pid=""
wbg_log=$(mktemp)
step "wasm-bindgen-cli $wbg_version (must match the wasm-bindgen crate in Cargo.lock)"
if [ "$need_wbg" = 0 ]; then
  echo "already installed: $(wasm-bindgen --version)"
else
  echo "installing in the background (log: $wbg_log)"
  # Not --locked: its lock file names a crate the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force >"$wbg_log" 2>&1 &
  wbg_pid=$!
fi

step "cargo-leptos 0.3.10 (no_downloads: uses the tools on PATH)"
if [ "$need_leptos" = 0 ]; then
  echo "already installed: $(cargo leptos --version)"
else
  echo "installing; the first time this takes 15-20 minutes"
  cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads
fi

if [ -n "$wbg_pid" ]; then
  step "waiting for wasm-bindgen-cli"
  if ! wait "$wbg_pid"; then
    cat "$wbg_log"
    echo "Installing wasm-bindgen-cli $wbg_version failed (output above)." >&2
    exit 1
  fi
  tail -n 1 "$wbg_log"
fi
rm -f "$wbg_log"

step "npm packages in end2end/ (Playwright, binaryen's wasm-opt, terser)"
if [ -x end2end/node_modules/.bin/wasm-opt ] && [ -x end2end/node_modules/.bin/playwright ] \
   && [ -x end2end/node_modules/.bin/terser ] \
   && [ end2end/node_modules/.package-lock.json -nt end2end/package-lock.json ]; then
  echo "already installed"
else
  (cd end2end && npm ci --no-audit --no-fund)
fi
echo "wasm-opt: $(wasm-opt --version)"

if [ "$mode" = "test" ]; then
  step "s3s-fs 0.14.1 (an S3-compatible server for the storage tests)"
  if have s3s-fs && s3s-fs --version 2>/dev/null | grep -q "0.14.1"; then
    echo "already installed"
  else
    # Later versions need a newer rustc than this toolchain. A debug build
    # takes a minute instead of several, and serves test files fast enough.
    cargo install s3s-fs --version 0.14.1 --features binary --locked --debug
  fi

  need_apt=()
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
  step "Debian packages: chromium, postgresql"
  if [ ${#need_apt[@]} -eq 0 ]; then
    echo "already installed"
  else
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y "${need_apt[@]}"
  fi
fi
echo
echo "Bootstrap done."
