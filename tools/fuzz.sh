#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang + ASan + UBSan, in build-fuzz/) and runs each one
# for a bounded time, one after the other. Exits non-zero when a target finds a crash, a leak,
# a hang or a broken invariant, and prints the reproducer's path. docs/security.md explains
# the targets and what to do with a finding.
#
#   tools/fuzz.sh                    45 s per target (what CI runs)
#   tools/fuzz.sh --long             30 min per target
#   tools/fuzz.sh --time 300 import_text config
#
# Seeds are generated from the tree on every run (examples/, fixtures, rule packs, the config
# example in docs/configuration.md, a few synthetic reports); what a run learns is kept in
# build-fuzz/fuzz/corpus/<target>/, so repeated runs continue where the last one stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=45
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --long) seconds=1800 ;;
    --time) seconds="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "tools/fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=(report_xml import_text rulepack config)

tools/install-deps.sh --fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

build=$root/build-fuzz
work=$build/fuzz
bin=$build/bin

# One seed folder per target, rebuilt from the tree each run.
seed_files() {
  case "$1" in
    report_xml)
      ls examples/*.xml plugins/*/fixtures/*/*.xml
      "$bin/fincheck_gen_reports" -n 6 -o "$work/generated" --seed 2024 --inject-errors 0.3 -j 1 >/dev/null
      ls "$work"/generated/*.xml ;;
    import_text)
      # The project's own text report, and the real reports of the corpus when it is there
      # (outside the tree: FINCHECK_CORPUS_DIR, else the place the build was configured with).
      corpus="${FINCHECK_CORPUS_DIR:-$(sed -n 's/^FINCHECK_CORPUS_DIR:PATH=//p' "$build/CMakeCache.txt")}"
      texts=(tests/host/data/small-report.txt)
      [ -d "$corpus" ] && texts+=("$corpus"/*.txt)
      printf '%s\n' "${texts[@]}"
      # Each report also cut at line ends into pieces of at most 8 KB: a table or two each, which
      # the fuzzer mutates far faster than a whole report.
      mkdir -p "$work/pieces"
      for f in "${texts[@]}"; do split -C 8000 -d "$f" "$work/pieces/$(basename "$f" .txt)-"; done
      ls "$work"/pieces/* ;;
    rulepack)
      ls rulepacks/packs/*.xml
      # The target reads NUL-separated packs and links them: the national pack with a region's.
      { cat rulepacks/packs/national.xml; printf '\0'; cat rulepacks/packs/shanghai.xml; } \
        >"$work/national+shanghai.xml"
      echo "$work/national+shanghai.xml" ;;
    config)
      ls tests/host/data/*.xml
      # The documented example of docs/configuration.md, as a user would copy it.
      sed -n '/^```xml/,/^```/p' docs/configuration.md | sed '1d;$d' >"$work/configuration-example.xml"
      echo "$work/configuration-example.xml" ;;
  esac
}

# The schema whose element and attribute names join the XML tokens of the dictionary.
schema_of() {
  case "$1" in
    report_xml) echo schemas/report.xsd ;;
    rulepack) echo schemas/rulepack.xsd ;;
    config) echo schemas/config.xsd ;;
  esac
}

# Inputs longer than this are not tried. The report XML reader's limit stays below the nesting
# depth that overflows the stack of a reader without a depth limit (a known bug, issue #13):
# about 3,000 empty <section> levels fit in 64 KiB and pass, 10,000 do not.
max_len_of() {
  case "$1" in
    report_xml) echo 65536 ;;
    import_text) echo 80000 ;;
    rulepack) echo 65536 ;;
    config) echo 8192 ;;
  esac
}

# libFuzzer reads dictionary entries as printable ASCII: UTF-8 bytes become \xNN escapes.
ascii_escaped() {
  perl -pe 's/([^\x00-\x7f])/sprintf("\\x%02X", ord($1))/ge' "$@"
}

make_dictionary() {
  local target=$1 out=$2
  : >"$out"
  case "$target" in
    import_text) ascii_escaped fuzz/dictionaries/report-words.dict >>"$out" ;;
    report_xml) ascii_escaped fuzz/dictionaries/xml.dict fuzz/dictionaries/report-words.dict >>"$out" ;;
    *) ascii_escaped fuzz/dictionaries/xml.dict >>"$out" ;;
  esac
  local schema
  schema=$(schema_of "$target")
  if [ -n "$schema" ]; then
    grep -oE '(element|attribute) name="[^"]+"' "$schema" | sed -E 's/.*name="([^"]+)"/\1/' | sort -u |
      while read -r name; do printf '"<%s"\n"</%s>"\n"%s=\\""\n' "$name" "$name" "$name"; done >>"$out"
    grep -oE 'enumeration value="[^"\\]+"' "$schema" | sed -E 's/enumeration value="([^"]+)"/"\1"/' | sort -u >>"$out"
  fi
}

failed=()
for target in "${targets[@]}"; do
  exe=$bin/fuzz_$target
  [ -x "$exe" ] || { echo "tools/fuzz.sh: no fuzz target $target" >&2; exit 2; }
  seeds=$work/seeds/$target corpus=$work/corpus/$target artifacts=$work/artifacts/$target
  rm -rf "$seeds" "$work/generated" "$work/pieces"
  mkdir -p "$seeds" "$corpus" "$artifacts"
  # The regression inputs seed their target too: the fuzzer mutates from past findings.
  # Named by their path: the rule fixtures are all fires*.xml or silent*.xml in their own folders.
  { seed_files "$target"; ls tests/fuzz_regressions/"$target"/*; } | while read -r f; do cp "$f" "$seeds/$(printf '%s' "$f" | tr '/' '_')"; done
  make_dictionary "$target" "$work/$target.dict"
  log=$work/$target.log
  echo "== fuzz $target: ${seconds}s, $(ls "$seeds" | wc -l) seeds, $(ls "$corpus" | wc -l) inputs kept from earlier runs"
  status=0
  "$exe" "$corpus" "$seeds" -max_total_time="$seconds" -max_len="$(max_len_of "$target")" \
    -dict="$work/$target.dict" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" | sed 's/^/   /' || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sed 's/^/   /' || true
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "!! fuzz $target found a problem (exit $status); the log is $log"
    grep -E 'ERROR|SUMMARY|fuzz invariant|Test unit written to|^    #[0-9] ' "$log" | head -20 | sed 's/^/   /'
    reproducer=$(grep -oE 'Test unit written to \S+' "$log" | tail -1 | cut -d' ' -f5)
    [ -z "$reproducer" ] || echo "   reproducer: $reproducer (replay: $exe $reproducer)"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "tools/fuzz.sh: findings in ${failed[*]}; add each reproducer to tests/fuzz_regressions (docs/security.md)" >&2
  exit 1
fi
echo "tools/fuzz.sh: no findings"
