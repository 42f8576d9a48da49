#!/usr/bin/env bash
# Lighthouse mobile scores (performance and accessibility) of the pages the
# README quotes, each signed in as the person who uses it, against a running
# release server with the demo data:
#
#   cargo leptos serve --release   # or ./target/release/server, RAPPORT_DEMO=1
#   scripts/lighthouse.sh http://127.0.0.1:3000
#
# Lighthouse comes from npm on first use (pinned); Chromium is the system's.
set -euo pipefail

BASE=${1:-http://127.0.0.1:3000}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export CHROME_PATH
LIGHTHOUSE=${LIGHTHOUSE:-"npx --yes lighthouse@12.8.2"}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# A session cookie for one demo person.
cookie_of() {
  curl -s -i -X POST "$BASE/api/log_in" \
    --data-urlencode "email=$1@rapport.demo" --data-urlencode "password=rapport-demo" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1
}

# The first link on a page matching a pattern, as that person sees it.
first_link() {
  curl -s -H "Cookie: $1" "$BASE$2" | grep -o "href=\"$3\"" | head -1 | sed 's/href="\(.*\)"/\1/'
}

score() {
  local who=$1 path=$2 cookie=""
  if [ "$who" != "visitor" ]; then cookie=$(cookie_of "$who"); fi
  local headers='{}'
  if [ -n "$cookie" ]; then headers="{\"Cookie\":\"$cookie\"}"; fi
  # Lighthouse now and then fails to record the trace of a page load
  # (NO_NAVSTART) and asks to be run again: it is, once. A page that fails
  # twice is reported as a row with its last words, and the other pages
  # are still scored.
  local attempt
  for attempt in 1 2; do
    if $LIGHTHOUSE "$BASE$path" --quiet --output=json --output-path="$OUT/report.json" \
      --only-categories=performance,accessibility --form-factor=mobile \
      --extra-headers="$headers" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >"$OUT/log.txt" 2>&1; then
      break
    fi
    if [ "$attempt" = 2 ]; then
      echo "| $path | $who | failed twice: $(tail -1 "$OUT/log.txt" | tr '|' '/') | | | |"
      return 0
    fi
  done
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories, a = r.audits;
    const pct = (x) => Math.round(x * 100);
    console.log(`| ${process.argv[2]} | ${process.argv[3]} | ${pct(c.performance.score)} | ${pct(c.accessibility.score)} | ${(a["largest-contentful-paint"].numericValue / 1000).toFixed(1)} s | ${Math.round(a["total-blocking-time"].numericValue)} ms |`);
  ' "$OUT/report.json" "$path" "$who"
}

coach=$(cookie_of coach1)
review=$(first_link "$coach" "/calls?reviewed=yes" "/reviews/[0-9]*")

echo "| page | signed in as | performance | accessibility | LCP | TBT |"
echo "| --- | --- | --- | --- | --- | --- |"
score visitor /
score visitor /login
score coach1 /home
score coach1 /calls
score coach1 "$review"
score agent1 /development
score leader /continuum
