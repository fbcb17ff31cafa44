#!/usr/bin/env bash
# Batch figures (bench/RESULTS.md, "Batch"): N generated reports the size of the corpus report,
# all rules on. Prints a Markdown block with the machine, the commands and the figures:
#   - full batch time vs. merely parsing the same files with pugixml (same --jobs);
#   - --jobs 2 vs. --jobs 1;
#   - peak RSS (/usr/bin/time -v) for 1,000 and N reports;
#   - plugin loading time and per-report costs (Google Benchmark, bench/batch_bench.cpp);
#   - recall of the planted errors.
# Usage: bench/batch_bench.sh [N]   (default 10000; BUILD=build-batch-bench, DATA under /tmp)
set -euo pipefail
N=${1:-10000}
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$SRC/build-batch-bench}
DATA=${DATA:-/tmp/fincheck-batch-bench}
RATE=${RATE:-0.2}

cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFINCHECK_BUILD_BENCH=ON -DFINCHECK_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" --target fincheck fincheck_gen_reports batch_parse_only batch_bench batch_recall \
  tables consistency years narrative fincheck_data_lexicons fincheck_data_consistency fincheck_data_rulepacks >/dev/null

BIN=$BUILD/bin
mkdir -p "$DATA"
gen() {  # gen DIR COUNT: generated once, reused by later runs
  if [ ! -f "$1/.complete-$2" ]; then
    rm -rf "$1"
    "$BIN/fincheck_gen_reports" -n "$2" -o "$1" --seed 2024 --inject-errors "$RATE" -j 2
    touch "$1/.complete-$2"
  fi
}
gen "$DATA/r1000" 1000
gen "$DATA/r$N" "$N"

seconds() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }  # "wall_s maxrss_kb"
batch() {  # batch DIR JOBS -> "wall_s maxrss_kb"
  rm -rf "$DATA/out"
  /usr/bin/time -f '%e %M' "$BIN/fincheck" batch "$1" --out "$DATA/out" --jobs "$2" --progress none 2>&1 >/dev/null | tail -1
}

sync
read -r parse1 _ < <(seconds "$BIN/batch_parse_only" "$DATA/r$N" 1)
read -r parse2 _ < <(seconds "$BIN/batch_parse_only" "$DATA/r$N" 2)
read -r batch1 rss1 < <(batch "$DATA/r$N" 1)
read -r batch2 rssN < <(batch "$DATA/r$N" 2)
"$BIN/batch_recall" "$DATA/r$N" "$DATA/out" > "$DATA/recall.md"
read -r _ rss1000 < <(batch "$DATA/r1000" 2)

echo "### Batch figures, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '```sh'
echo "bench/batch_bench.sh $N   # Release build in $BUILD, data in $DATA (inject rate $RATE)"
echo '```'
echo
echo "| figure | value |"
echo "|---|---|"
echo "| reports | $N (+1,000 for the RSS comparison), $(du -sh "$DATA/r$N" | cut -f1) on disk |"
echo "| parse only (pugixml), --jobs 1 / 2 | ${parse1} s / ${parse2} s |"
echo "| fincheck batch, --jobs 1 / 2 | ${batch1} s / ${batch2} s |"
echo "| batch / parse (jobs 2) | $(awk "BEGIN{printf \"%.1f\", $batch2/$parse2}") × (target ≤ 2×) |"
echo "| speed-up jobs 2 vs 1 | $(awk "BEGIN{printf \"%.2f\", $batch1/$batch2}") × (target ≥ 1.8×) |"
echo "| peak RSS, 1,000 / $N reports (jobs 2) | $((rss1000/1024)) MB / $((rssN/1024)) MB |"
echo
"$BIN/batch_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "median" | \
  awk 'BEGIN{print "| benchmark (median) | time |"; print "|---|---|"} {print "| " $1 " | " $2 " " $3 " |"}'
echo
echo "Recall of planted errors (all rules on):"
echo
cat "$DATA/recall.md"
