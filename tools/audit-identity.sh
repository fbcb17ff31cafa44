#!/usr/bin/env bash
# Behaviour unchanged (issue #15): audits the same inputs with two revisions and compares the
# audit XML byte for byte after removing what names the build (tools/audit_normalise.py).
#
#   tools/audit-identity.sh REV_A REV_B [--work DIR] [--generated N] [--only NAME] [--mask-pack-lines]
#
# Each revision is built in its own git worktree under DIR (default: build-identity/ of this
# clone), release preset without tests and benchmarks, with ccache when installed; a build of a
# commit already in DIR is reused, so a bisect rebuilds only what it has not seen.
# The inputs, the same files for both revisions:
#   - every *.txt and pdf/*.pdf of the corpus folder, FINCHECK_CORPUS_DIR (default corpus/ in
#     this clone, ignored by git), skipped with a line saying so when it is absent;
#   - the report XML and PDF files of REV_A's examples/ (not *.truth.xml);
#   - N (default 100) reports that REV_A's gen-reports draws with seed 20260615 and planted errors,
#     each as report XML and as the PDF drawn from it.
# --only NAME audits the one input of that name (as printed), e.g. for `git bisect run`.
# --mask-pack-lines: "<pack>.xml:<line>" compares as "<pack>.xml:N" (a change that moves lines of a
# rule pack moves the positions the audit header cites); off by default, counted when it matters.
# Every check runs with --config naming an empty configuration, so no fincheck.xml is looked up.
#
# Prints one line per input (identical, or differs with the first differing line of each side), a
# summary, and exits 0 only when every input is identical; 1 when any differs; 2 on a usage error
# or a revision that does not build.
set -euo pipefail

readonly seed=20260615 error_rate=0.3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The clone this script is in: its parent folder, not `git rev-parse --show-toplevel`, which under
# `git bisect run` (GIT_DIR set) answers the current folder.
repo=$(dirname "$here")
normalise=$here/audit_normalise.py

usage() {
  sed -n '4,5p' "$0" >&2
  exit 2
}

rev_a="" rev_b="" work=$repo/build-identity generated=100 only="" mask_pack_lines=0
while [ $# -gt 0 ]; do
  case $1 in
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --generated) generated=${2:?--generated needs a count}; shift 2 ;;
    --only) only=${2:?--only needs an input name}; shift 2 ;;
    --mask-pack-lines) mask_pack_lines=1; shift ;;
    -h | --help) usage ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) if [ -z "$rev_a" ]; then rev_a=$1; elif [ -z "$rev_b" ]; then rev_b=$1; else usage; fi; shift ;;
  esac
done
[ -n "$rev_b" ] || usage
[[ $generated =~ ^[0-9]+$ ]] || { echo "--generated takes a count, not '$generated'" >&2; exit 2; }
commit_a=$(git -C "$repo" rev-parse --verify --quiet "$rev_a^{commit}") || { echo "no revision $rev_a" >&2; exit 2; }
commit_b=$(git -C "$repo" rev-parse --verify --quiet "$rev_b^{commit}") || { echo "no revision $rev_b" >&2; exit 2; }
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The build of COMMIT, made once: $work/src-COMMIT is its worktree, build-release/ inside it.
build() { # COMMIT
  local src=$work/src-$1 launcher=()
  if [ -x "$src/build-release/bin/fincheck" ] && [ -e "$src/build-release/.identity-built" ]; then
    echo "$src/build-release"
    return
  fi
  [ -d "$src" ] || git -C "$repo" worktree add --detach --quiet "$src" "$1" >&2
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  echo "building ${1:0:12} in $src/build-release …" >&2
  if ! (cd "$src" && cmake --preset release -DFINCHECK_BUILD_TESTS=OFF -DFINCHECK_BUILD_BENCH=OFF \
          "${launcher[@]}" >"$src/build.log" 2>&1 &&
        cmake --build --preset release -j2 >>"$src/build.log" 2>&1); then
    echo "revision ${1:0:12} does not build; the log: $src/build.log" >&2
    tail -5 "$src/build.log" >&2
    exit 2
  fi
  touch "$src/build-release/.identity-built"
  echo "$src/build-release"
}

build_a=$(build "$commit_a")
build_b=$(build "$commit_b")

# The inputs, as "NAME<TAB>PATH" lines; NAME is what the output and --only say.
inputs=$work/inputs-${commit_a:0:12}-$generated
corpus=${FINCHECK_CORPUS_DIR:-$repo/corpus}
list_inputs() {
  local f
  if [ -d "$corpus" ]; then
    for f in "$corpus"/*.txt "$corpus"/pdf/*.pdf; do
      if [ -f "$f" ]; then printf 'corpus/%s\t%s\n' "${f#"$corpus"/}" "$f"; fi
    done
  else
    echo "no corpus folder at $corpus (FINCHECK_CORPUS_DIR): the corpus is not compared" >&2
  fi
  for f in "$work/src-$commit_a"/examples/*.xml "$work/src-$commit_a"/examples/*.pdf; do
    case $f in *.truth.xml) continue ;; esac
    if [ -f "$f" ]; then printf 'examples/%s\t%s\n' "$(basename "$f")" "$f"; fi
  done
  if [ "$generated" -gt 0 ]; then
    if [ ! -e "$inputs/.complete" ]; then
      rm -rf "$inputs"
      "$build_a/bin/fincheck_gen_reports" -n "$generated" -o "$inputs" --seed "$seed" \
        --inject-errors "$error_rate" --pdf -j 2 >/dev/null
      touch "$inputs/.complete"
    fi
    for f in "$inputs"/*.xml "$inputs"/*.pdf; do
      case $f in *.truth.xml) continue ;; esac
      printf 'generated/%s\t%s\n' "$(basename "$f")" "$f"
    done
  fi
}
list_inputs >"$work/inputs.tsv"
if [ -n "$only" ]; then
  grep -P "^\Q$only\E\t" "$work/inputs.tsv" >"$work/inputs.only" || { echo "no input named $only" >&2; exit 2; }
  mv "$work/inputs.only" "$work/inputs.tsv"
fi
generated_by=""
[ "$generated" = 0 ] || generated_by=", $generated reports generated by ${commit_a:0:12}'s gen-reports (XML and PDF)"
echo "inputs: $(wc -l <"$work/inputs.tsv")$generated_by"

config=$work/fincheck.xml
printf '<?xml version="1.0" encoding="UTF-8"?>\n<fincheck/>\n' >"$config"

# Audits one input: OUT/NAME.audit.xml, its exit status in .rc and its stderr in .err.
audit_one() { # FINCHECK CONFIG OUT NAME PATH
  local audit=$3/$4.audit.xml rc=0
  mkdir -p "$(dirname "$audit")"
  "$1" check --config "$2" --format xml -o "$audit" "$5" >/dev/null 2>"$audit.err" || rc=$?
  echo "$rc" >"$audit.rc"
}
export -f audit_one

audit_all() { # BUILD OUT
  rm -rf "$2"
  mkdir -p "$2"
  tr '\t' '\n' <"$work/inputs.tsv" |
    xargs -d '\n' -n 2 -P 2 bash -c 'audit_one "$@"' audit_one "$1/bin/fincheck" "$config" "$2"
}

masked() { # FILE: the normalised audit, pack line numbers masked when asked
  if [ "$mask_pack_lines" = 1 ]; then
    python3 "$normalise" "$1" | sed -E 's/([a-z][a-z0-9-]*\.xml):[0-9]+/\1:N/g'
  else
    python3 "$normalise" "$1"
  fi
}

# What one side produced for NAME: the normalised audit (else, none written, the error message),
# then the exit status; so a diff's line numbers are the normalised audit's.
outcome() { # OUT NAME
  local audit=$1/$2.audit.xml
  if [ -f "$audit" ]; then masked "$audit"; else cat "$audit.err"; fi
  echo "exit status $(cat "$audit.rc")"
}

out_a=$work/audits-${commit_a:0:12}
out_b=$work/audits-${commit_b:0:12}
audit_all "$build_a" "$out_a"
audit_all "$build_b" "$out_b"

identical=0 differ=0 only_pack_lines=0
while IFS=$'\t' read -r name _; do
  if cmp -s <(outcome "$out_a" "$name") <(outcome "$out_b" "$name"); then
    identical=$((identical + 1))
    if [ "$mask_pack_lines" = 1 ] && ! cmp -s <(mask_pack_lines=0 outcome "$out_a" "$name") \
                                            <(mask_pack_lines=0 outcome "$out_b" "$name"); then
      only_pack_lines=$((only_pack_lines + 1))
    fi
    echo "identical  $name"
  else
    differ=$((differ + 1))
    echo "differs    $name"
    # The first differing line of each side, with its line number in the normalised audit.
    diff <(outcome "$out_a" "$name") <(outcome "$out_b" "$name") |
      awk -v a="${commit_a:0:12}" -v b="${commit_b:0:12}" '
        /^[0-9]/ && !at { at = $0 }
        /^</ && !left { left = substr($0, 3, 300) }
        /^>/ && !right { right = substr($0, 3, 300) }
        END { print "    first difference (diff " at "):"
              print "      " a ": " (left ? left : "(nothing)")
              print "      " b ": " (right ? right : "(nothing)") }' || true
  fi
done <"$work/inputs.tsv"

echo "summary: $identical identical, $differ differ, of $((identical + differ)) inputs" \
  "(${commit_a:0:12} against ${commit_b:0:12}; audits in $out_a and $out_b)"
[ "$only_pack_lines" = 0 ] || echo "($only_pack_lines of the identical differ in rule-pack line numbers, masked)"
[ "$differ" = 0 ]
