#!/usr/bin/env bash
# Batch figures (bench/RESULTS.md, "Batch"): N generated reports the size of the corpus report,
# all rules on. Prints a Markdown block with the machine, the commands and the figures:
#   - full batch time vs. merely parsing the same files with pugixml, for --jobs 1 and 2;
#   - --jobs 2 vs. --jobs 1;
#   - peak RSS (/usr/bin/time) for 1,000 and N reports;
#   - plugin loading time and per-report costs (Google Benchmark, bench/batch_bench.cpp);
#   - recall of the planted errors;
#   - the floor: parse, + the input's SHA-256, + the atomic audit file (bench/batch_floor.cpp),
#     i.e. what any batch with these guarantees costs before a single rule runs.
# Fair and repeatable: the page cache is warmed once before anything is timed (every figure
# then reads the inputs from memory), and each time is the median of RUNS runs (default 3).
# Usage: bench/batch_bench.sh [N]   (default 10000; BUILD=build-batch-bench, DATA under /tmp)
set -euo pipefail
N=${1:-10000}
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$SRC/build-batch-bench}
DATA=${DATA:-/tmp/fincheck-batch-bench}
RATE=${RATE:-0.2}
RUNS=${RUNS:-3}

cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFINCHECK_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD" -j 2 --target fincheck fincheck_gen_reports batch_parse_only batch_floor batch_bench batch_recall \
  tables structure years narrative fincheck_data_lexicons fincheck_data_structure fincheck_data_rulepacks >/dev/null

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

timed() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }  # "wall_s maxrss_kb"
parse() { timed "$BIN/batch_parse_only" "$1" "$2"; }
# Each run writes into a new directory, as a nightly run does. Deleting the previous run's
# 20,000 files just before would make ext4 skip the recently freed inodes on every create
# (find_inode_bit/recently_deleted: up to 10 % of the run, more with two writers), a cost
# of the benchmark, not of the batch. Old outputs are removed at the end, untimed.
batch() {  # batch DIR JOBS -> "wall_s maxrss_kb"; OUT is the last run's output directory
  OUT=$(mktemp -d "$DATA/out-run.XXXXXX")
  timed "$BIN/fincheck" batch "$1" --out "$OUT" --jobs "$2" --progress none
}
median() {  # median CMD ARGS…: runs the command RUNS times, prints the run with the median time
  local i
  for ((i = 0; i < RUNS; i++)); do "$@"; done | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

# Warm the page cache with the inputs once (and check they parse), so that no figure pays
# for the disk and the first figure is not penalised against the others.
find "$DATA/r$N" "$DATA/r1000" -name "*.xml" -exec cat {} + >/dev/null
"$BIN/batch_parse_only" "$DATA/r$N" 2 >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

read -r parse1 _ < <(median parse "$DATA/r$N" 1)
read -r parse2 _ < <(median parse "$DATA/r$N" 2)
read -r batch1 rss1 < <(median batch "$DATA/r$N" 1)
read -r batch2 rssN < <(median batch "$DATA/r$N" 2)
read -r _ rss1000 < <(median batch "$DATA/r1000" 2)
rm -rf "$DATA/out"
batch "$DATA/r$N" 2 >/dev/null  # untimed: the output the recall is measured on
"$BIN/batch_recall" "$DATA/r$N" "$OUT" > "$DATA/recall.md"
mv "$OUT" "$DATA/out"
rm -rf "$DATA"/out-run*
FLOOR=$(mktemp -d "$DATA/out-floor.XXXXXX")
"$BIN/batch_floor" "$DATA/r$N" "$FLOOR" 1 "$RUNS" > "$DATA/floor.md"
rm -rf "$FLOOR"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

ratio() { awk "BEGIN{printf \"%.1f\", $1/$2}"; }
echo "### Batch figures, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), load $load_before before / $load_after after"
echo
echo '```sh'
echo "bench/batch_bench.sh $N   # Release build in $BUILD, data in $DATA (inject rate $RATE), median of $RUNS runs, warm cache"
echo '```'
echo
echo "| figure | value |"
echo "|---|---|"
echo "| reports | $N (+1,000 for the RSS comparison), $(du -sh "$DATA/r$N" | cut -f1) on disk |"
echo "| parse only (pugixml), --jobs 1 / 2 | ${parse1} s / ${parse2} s |"
echo "| fincheck batch, --jobs 1 / 2 | ${batch1} s / ${batch2} s |"
echo "| batch / parse, --jobs 1 / 2 | $(ratio "$batch1" "$parse1") × / $(ratio "$batch2" "$parse2") × (target ≤ 2×) |"
echo "| speed-up jobs 2 vs 1 | $(awk "BEGIN{printf \"%.2f\", $batch1/$batch2}") × (target ≥ 1.8×) |"
echo "| peak RSS, 1,000 / $N reports (jobs 2) | $((rss1000/1024)) MB / $((rssN/1024)) MB (jobs 1: $((rss1/1024)) MB) |"
echo
"$BIN/batch_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "median" | \
  awk 'BEGIN{print "| benchmark (median) | time |"; print "|---|---|"} {print "| " $1 " | " $2 " " $3 " |"}'
echo
echo "The floor: what the batch costs before any rule runs (bench/batch_floor.cpp):"
echo
cat "$DATA/floor.md"
echo
echo "Recall of planted errors (all rules on):"
echo
cat "$DATA/recall.md"
