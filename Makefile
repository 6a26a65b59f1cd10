# The two commands of the README are `make serve` and `make test`; each installs what is missing.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TRUNK := trunk --offline=true
SUBPATH_DIST := target/e2e/dist-pathways

.PHONY: serve test setup content content-check build build-subpath lint e2e watch clean

## serve: install what is missing, build the release bundle, serve it on http://127.0.0.1:8080/
serve: setup content
	@echo "Pathways: building, then serving on http://127.0.0.1:8080/ (Ctrl-C to stop)"
	$(TRUNK) serve --release --no-autoreload --address 127.0.0.1 --port 8080

## test: install what is missing, then every check: fmt, clippy, native tests, release builds, browser tests
test: setup content-check lint build build-subpath
	cargo test --workspace --all-targets --exclude pathways
	cargo test -p pathways --lib --bins --test proptest_content --test no_inner_html
	cargo test -p pathways --test e2e

setup:
	@bash scripts/setup.sh

## content: compile content/ (Markdown + JSON) into public/content/ and validate it
content:
	cargo run -q -p pathways-content -- build

## content-check: fail if public/content/ is stale or invalid (changes nothing)
content-check:
	cargo run -q -p pathways-content -- check

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p pathways --lib --bins --target wasm32-unknown-unknown --features csr -- -D warnings

build:
	$(TRUNK) build --release

## build-subpath: the same bundle for hosting under /pathways/ (used by the browser tests)
build-subpath:
	$(TRUNK) build --release --public-url /pathways/ --dist $(SUBPATH_DIST)

## watch: rebuild content when a source changes (run beside `make serve`)
watch:
	cargo run -q -p pathways-content -- build --watch

clean:
	rm -rf dist target/e2e

## bench: release bundle, then sizes and headless-Chromium timings against static and vanilla-JS
## baselines; prints a table with the budgets and writes target/bench/report.json
## (docs/performance.md). `make bench QUICK=1`: 3 runs per measurement instead of 15.
.PHONY: bench
QUICK ?=
BENCH_ARGS := $(if $(filter-out 0,$(QUICK)),--quick)
bench: setup build
	cargo run -q -p pathways-bench -- $(BENCH_ARGS)
