#!/usr/bin/env bash
# Installs the official SARIF validator (npm @microsoft/sarif-multitool, command `validate`)
# into .cache/sarif-multitool of the source tree (git-ignored), for the SARIF tests. Safe to run
# again; prints the path of the executable.
set -euo pipefail
version=5.7.0
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.cache/sarif-multitool"
tool="$prefix/node_modules/.bin/sarif-multitool"
if [ ! -x "$tool" ] || ! grep -q "\"version\": \"$version\"" "$prefix/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null; then
  command -v npm >/dev/null || { echo "fincheck: npm not found (Debian packages nodejs npm; tools/install-deps.sh)" >&2; exit 2; }
  mkdir -p "$prefix"
  npm install --silent --no-audit --no-fund --prefix "$prefix" "@microsoft/sarif-multitool@$version" >&2
fi
echo "$tool"
