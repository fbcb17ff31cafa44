#!/usr/bin/env bash
# PDF figures (bench/RESULTS.md, "PDF input"): `fincheck check X.pdf` (poppler child, layout,
# import, all project rules, audit XML) against `pdftotext -bbox-layout X.pdf` alone, on each
# corpus PDF, side by side in one hyperfine run. Target: fincheck <= 1.5x pdftotext.
# Usage: bench/pdf_bench.sh   (BUILD=build-pdf-bench; FINCHECK_CORPUS_DIR, else the build's, see
# cmake/FincheckCorpus.cmake)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$SRC/build-pdf-bench}
RUNS=${RUNS:-20}
command -v hyperfine >/dev/null || { echo "pdf_bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }

# An existing build tree (BUILD=build) is reused as configured; a new one is a Release build.
[ -f "$BUILD/CMakeCache.txt" ] ||
  cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFINCHECK_BUILD_BENCH=OFF -DFINCHECK_BUILD_TESTS=OFF >/dev/null
# The corpus lives outside the tree; its place is configured once, in the build.
CORPUS=${FINCHECK_CORPUS_DIR:-$(sed -n 's/^FINCHECK_CORPUS_DIR:PATH=//p' "$BUILD/CMakeCache.txt")}
if [ ! -d "$CORPUS/pdf" ]; then
  echo "pdf_bench: no corpus PDFs at $CORPUS/pdf (set FINCHECK_CORPUS_DIR); nothing measured" >&2
  exit 0
fi
cmake --build "$BUILD" -j 2 --target fincheck tables structure years narrative \
  fincheck_data_lexicons fincheck_data_structure fincheck_data_rulepacks >/dev/null
BIN=$BUILD/bin/fincheck

echo "Build: $(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" | cut -d= -f2) ($BUILD)"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" rev-parse --short HEAD)"
echo
echo "| PDF | pdftotext -bbox-layout | fincheck check | ratio |"
echo "|---|---|---|---|"
for pdf in "$CORPUS"/pdf/*.pdf; do
  json=$(mktemp)
  hyperfine --warmup 3 --runs "$RUNS" --style none --export-json "$json" \
    -n pdftotext "pdftotext -q -bbox-layout '$pdf' /dev/null" \
    -n fincheck "'$BIN' check '$pdf' --format xml --fail-on none > /dev/null" >/dev/null
  python3 - "$json" "$(basename "$pdf")" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
p, f = runs["pdftotext"]["median"], runs["fincheck"]["median"]
print(f"| {sys.argv[2]} | {p*1000:.1f} ms | {f*1000:.1f} ms | {f/p:.2f}x |")
PY
  rm -f "$json"
done

# Batch over a folder of PDFs (the corpus PDFs five times over): --jobs 1 against --jobs 2.
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
mkdir -p "$DATA/in"
for i in 1 2 3 4 5; do
  for pdf in "$CORPUS"/pdf/*.pdf; do cp "$pdf" "$DATA/in/$(basename "$pdf" .pdf)-$i.pdf"; done
done
json=$DATA/batch.json
hyperfine --warmup 1 --runs "$(( RUNS < 5 ? RUNS : 5 ))" -i --style none --export-json "$json" --prepare "rm -rf '$DATA/out'" \
  -n jobs1 "'$BIN' batch '$DATA/in' --out '$DATA/out' --jobs 1" \
  -n jobs2 "'$BIN' batch '$DATA/in' --out '$DATA/out' --jobs 2" >/dev/null
python3 - "$json" "$(ls "$DATA/in" | wc -l)" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
one, two = runs["jobs1"]["median"], runs["jobs2"]["median"]
print()
print(f"Batch over {sys.argv[2]} PDFs: --jobs 1 {one:.2f} s, --jobs 2 {two:.2f} s ({one/two:.2f}x)")
PY
