#!/usr/bin/env bash
# The README's second command: set up, build with warnings as errors, run every test.
# With --sanitize, build and run the suite under AddressSanitizer + UBSan instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
preset=dev
[ "${1:-}" = "--sanitize" ] && preset=asan
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j2
