# The two commands of the README. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/end2end/node_modules/.bin:$(PATH)

.PHONY: run test bootstrap bench
run:
	scripts/bootstrap.sh run
	cargo leptos build --release --split
	node scripts/finish-site.mjs target/site/pkg
	@scripts/wasm-size.sh
	@echo "==> Rapport on http://$${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (Ctrl+C stops it)"
	LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=rapport ./target/release/server

test:
	scripts/test.sh

bootstrap:
	scripts/bootstrap.sh test

# Import, call-list and dashboard timings and the load test (see the
# README); not part of `make test`. The dashboards and the load test run on
# the scale fixture of tests/scale; the load test drives wrk (Debian).
# It leaves target/release/server built by plain cargo, which serves no
# split bundle: `make run` and `make test` build it again with cargo-leptos.
bench:
	@command -v wrk >/dev/null || { echo "==> installing wrk (Debian)"; apt-get install -y wrk || sudo apt-get install -y wrk; }
	cargo test --release -p server --test bench_import --test bench_dashboards --test bench_load -- --ignored --nocapture --test-threads=1
