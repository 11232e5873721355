#!/usr/bin/env bash
# The whole test suite: setup, type-check, lint, unit tests (vitest, Node), browser tests
# (@web/test-runner, real Chromium with fake camera/microphone fed by ../shared/fixtures).
# Exits non-zero on any failure and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh
export PATH="$PWD/.cache/tools/node_modules/.bin:$PATH"
mkdir -p .cache/results
rm -f .cache/results/*.json

step "type-check (packages: tsc -b during setup; tests; consumer view of the exports maps)"
pnpm exec tsc -p tsconfig.test.json
pnpm exec tsc -p test-support/consumer
for example in esm react vue; do pnpm exec tsc -p "examples/$example"; done

step "lint (eslint)"
pnpm exec eslint --max-warnings 0 .

status=0
step "unit tests (vitest)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.cache/results/vitest.json || status=1

step "browser tests (@web/test-runner, Chromium)"
pnpm exec web-test-runner || status=1

node scripts/print-test-summary.mjs .cache/results/vitest.json .cache/results/browser.json || status=1
echo "test command finished in $((SECONDS - started)) s"
exit $status
