#!/usr/bin/env bash
# Installs and builds what the demo needs, then serves examples/ on a local port and prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node scripts/serve-demo.mjs "$@"
