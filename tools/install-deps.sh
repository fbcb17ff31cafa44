#!/usr/bin/env bash
# Installs the Debian 12 packages fincheck builds with. Safe to run again.
set -euo pipefail
packages=(
  cmake g++ ninja-build pkg-config
  libboost-dev libpugixml-dev libspdlog-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev   # batch --db (docs/results-db.md)
  python3-yaml     # tests: the Kubernetes example parses and names fincheck's options
  libxml2-utils dpkg-dev file help2man
  poppler-utils poppler-data hyperfine
  libcairo2-dev libpango1.0-dev fonts-noto-cjk
  chromium  # the review page's browser test (tests/html)
  libxlsxwriter-dev python3-jsonschema unzip
)
# The SARIF tests run Microsoft's validator from npm (tools/install-sarif-validator.sh); Debian's
# Node.js unless one is already installed (a NodeSource nodejs carries its own npm).
command -v npm >/dev/null || packages+=(nodejs npm)
# --fuzz (tools/fuzz.sh): clang and its libFuzzer/sanitizer runtime for the fuzz build.
[ "${1:-}" = "--fuzz" ] && packages+=(clang-14 libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -ne 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "fincheck: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
"$(dirname "$0")/install-sarif-validator.sh" >/dev/null
