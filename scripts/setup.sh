#!/usr/bin/env bash
# Installs what the demo and the tests need, saying what it installs, and builds the packages.
# Idempotent: a second run installs nothing. Needs Node 20 (>= 20.19) and root or sudo for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
TOOLS_DIR="$PWD/.cache/tools"
APT_PACKAGES=(chromium ffmpeg redis-server espeak-ng fonts-wqy-microhei)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

node_version=$(node -p 'process.versions.node' 2>/dev/null || true)
case "$node_version" in
  20.19.* | 20.2[0-9].* | 2[2-9].* ) ;;
  *) echo "[setup] Node >= 20.19 is required, found '${node_version:-none}'." >&2; exit 1 ;;
esac

# pnpm, pinned, installed into .cache/tools (no global install, no corepack: see docs/toolchain.md).
if [ "$("$TOOLS_DIR/node_modules/.bin/pnpm" --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION into .cache/tools (npm registry)"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
fi
export PATH="$TOOLS_DIR/node_modules/.bin:$PATH"

# Debian packages: Chromium for the browser tests, ffmpeg for the fake-camera files,
# redis-server for the shared nonce store tests of @huoti/verify (started by the tests, not as a service),
# espeak-ng to synthesise Mandarin digit speech for the read-digits tests, and a CJK font so
# zh-CN screenshots show characters rather than boxes.
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "[setup] need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  say "installing Debian packages: ${missing[*]} (apt-get; about a minute)"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

say "installing workspace dependencies (pnpm install --frozen-lockfile)"
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -vE '^(Progress|Downloading)' || { echo "[setup] pnpm install failed" >&2; exit 1; }

say "building packages (tsc -b && rollup -c)"
rm -rf packages/*/dist
pnpm exec tsc -b
pnpm exec rollup -c --silent
(cd packages/elements && pnpm exec cem analyze --config custom-elements-manifest.config.mjs --quiet)
