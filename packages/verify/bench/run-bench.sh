#!/usr/bin/env bash
# Verifications per second per core for @huoti/verify. Bundles bench/verify-throughput.ts with
# esbuild (the sources, and @huoti/liveness/protocol from its dist: build first) and runs it
# pinned to one CPU (BENCH_CPU, default 0). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./node_modules/.bin/esbuild packages/verify/bench/verify-throughput.ts --bundle --platform=node --format=esm \
  --target=node20 --outfile=.cache/verify-bench/verify-throughput.mjs --log-level=warning
exec taskset -c "${BENCH_CPU:-0}" node .cache/verify-bench/verify-throughput.mjs
