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

step "cargo-leptos 0.3.10 (no_downloads: uses the tools on PATH)"
if have cargo-leptos && cargo leptos --version 2>/dev/null | grep -q "0.3.10"; then
  echo "already installed: $(cargo leptos --version)"
else
  echo "installing; the first time this takes 15-20 minutes"
  cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads
fi

wbg_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
step "wasm-bindgen-cli $wbg_version (must match the wasm-bindgen crate in Cargo.lock)"
if have wasm-bindgen && wasm-bindgen --version | grep -q " $wbg_version"; then
  echo "already installed: $(wasm-bindgen --version)"
else
  # Not --locked: its lock file names a crate the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

step "npm packages in end2end/ (Playwright, binaryen's wasm-opt)"
if [ -x end2end/node_modules/.bin/wasm-opt ] && [ -x end2end/node_modules/.bin/playwright ] \
   && [ end2end/node_modules/.package-lock.json -nt end2end/package-lock.json ]; then
  echo "already installed"
else
  (cd end2end && npm ci --no-audit --no-fund)
fi
echo "wasm-opt: $(wasm-opt --version)"

if [ "$mode" = "test" ]; then
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
