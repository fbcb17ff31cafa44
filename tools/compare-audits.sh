#!/usr/bin/env bash
# Behaviour must not change when code is only moved (issue #15): this audits the same inputs with
# two builds and compares the audit XML byte for byte.
#
#   tools/compare-audits.sh snapshot BUILD OUT [CORPUS]   audit every input with BUILD into OUT
#   tools/compare-audits.sh compare [--mask-pack-lines] OUT_A OUT_B   cmp every file of two snapshots
#   tools/compare-audits.sh [--mask-pack-lines] BUILD_A BUILD_B [CORPUS]   both snapshots, then compare
#
# The inputs: every corpus text (CORPUS/*.txt) and PDF (CORPUS/pdf/*.pdf), and 100 reports that
# BUILD's fincheck_gen_reports draws with a fixed seed and planted errors, audited once as report
# XML and once as the PDF drawn from it (which goes through the PDF reader and the text importer).
# The generated reports themselves are compared too: the generator reads the same templates.
# CORPUS defaults to the corpus folder the build was configured with (FINCHECK_CORPUS_DIR).
# No configuration file is looked up: every check runs with --config pointing at an empty one.
#
# --mask-pack-lines: a change that removes or adds lines in a rule pack moves the pack positions the
# audit header cites (severity-at="national.xml:86", the pack notes); with this option a
# "<pack>.xml:<line>" is compared as "<pack>.xml:N" and everything else still byte for byte.
# The count of files that differ only there is printed, so the exception stays visible.
#
# Exit 0 when every file is identical, 1 when any differs (each named, with the first diff lines),
# 2 on a usage or tool error.
set -euo pipefail

readonly seed=20260615 count=100 error_rate=0.3

usage() {
  sed -n '4,6p' "$0" >&2
  exit 2
}

corpus_of() { # BUILD
  sed -n 's/^FINCHECK_CORPUS_DIR:PATH=//p' "$1/CMakeCache.txt"
}

audit() { # FINCHECK CONFIG INPUT AUDIT
  local rc=0
  "$1" check --config "$2" --format xml -o "$4" "$3" >/dev/null 2>"$4.stderr" || rc=$?
  echo "$rc" >"$4.rc"
  if [ "$rc" -gt 1 ]; then
    echo "audit of $3 failed (exit $rc):" >&2
    head -3 "$4.stderr" >&2
  fi
}

snapshot() { # BUILD OUT [CORPUS]
  local build out corpus fincheck config f
  build=$(cd "$1" && pwd)
  out=$2
  corpus=${3:-$(corpus_of "$build")}
  fincheck=$build/bin/fincheck
  [ -x "$fincheck" ] && [ -x "$build/bin/fincheck_gen_reports" ] || {
    echo "no fincheck or fincheck_gen_reports in $build/bin" >&2
    exit 2
  }
  [ -d "$corpus" ] || {
    echo "corpus folder $corpus not found" >&2
    exit 2
  }
  mkdir -p "$out/corpus" "$out/generated" "$out/audits/corpus" "$out/audits/generated"
  config=$out/fincheck.xml
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<fincheck/>\n' >"$config"

  for f in "$corpus"/*.txt "$corpus"/pdf/*.pdf; do
    [ -f "$f" ] || continue
    [ "$(basename "$f")" = README.md ] && continue
    audit "$fincheck" "$config" "$f" "$out/audits/corpus/$(basename "$f").audit.xml"
  done

  "$build/bin/fincheck_gen_reports" -n "$count" -o "$out/generated" --seed "$seed" \
    --inject-errors "$error_rate" --pdf -j 2 >/dev/null
  for f in "$out"/generated/*.xml "$out"/generated/*.pdf; do
    case $f in *.truth.xml) continue ;; esac
    audit "$fincheck" "$config" "$f" "$out/audits/generated/$(basename "$f").audit.xml"
  done
  echo "snapshot of $build: $(find "$out/audits" -name '*.audit.xml' | wc -l) audits in $out"
}

mask_pack_lines=0

masked() { # FILE
  sed -E 's/([a-z][a-z0-9-]*\.xml):[0-9]+/\1:N/g' "$1"
}

compare() { # A B
  local a=$1 b=$2 differ=0 rel only_pack_lines=0
  (cd "$a" && find . -type f ! -name fincheck.xml | sort) >"$a.files"
  (cd "$b" && find . -type f ! -name fincheck.xml | sort) >"$b.files"
  if ! cmp -s "$a.files" "$b.files"; then
    echo "the two snapshots hold different files:"
    diff "$a.files" "$b.files" | head -20
    differ=1
  fi
  while read -r rel; do
    [ -f "$b/$rel" ] || continue
    # PDF files embed nothing time-dependent, so they too must be identical.
    if ! cmp -s "$a/$rel" "$b/$rel"; then
      if [ "$mask_pack_lines" = 1 ] && cmp -s <(masked "$a/$rel") <(masked "$b/$rel"); then
        only_pack_lines=$((only_pack_lines + 1))
        continue
      fi
      echo "differs: $rel"
      diff "$a/$rel" "$b/$rel" 2>/dev/null | head -8 || true
      differ=1
    fi
  done <"$a.files"
  rm -f "$a.files" "$b.files"
  if [ "$differ" = 0 ]; then
    echo "identical: $(find "$a/audits" -name '*.audit.xml' | wc -l) audits and their inputs"
    [ "$only_pack_lines" = 0 ] || echo "($only_pack_lines of the files differ only in rule-pack line numbers)"
  fi
  return "$differ"
}

if [ "${1:-}" = --mask-pack-lines ]; then
  mask_pack_lines=1
  shift
elif [ "${1:-}" = compare ] && [ "${2:-}" = --mask-pack-lines ]; then
  mask_pack_lines=1
  set -- compare "${@:3}"
fi

case ${1:-} in
  snapshot)
    [ $# -ge 3 ] || usage
    snapshot "$2" "$3" "${4:-}"
    ;;
  compare)
    [ $# -eq 3 ] || usage
    compare "$2" "$3"
    ;;
  "" | -h | --help) usage ;;
  *)
    [ $# -ge 2 ] || usage
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    snapshot "$1" "$work/a" "${3:-}"
    snapshot "$2" "$work/b" "${3:-}"
    compare "$work/a" "$work/b"
    ;;
esac
