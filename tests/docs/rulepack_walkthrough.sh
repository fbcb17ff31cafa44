#!/usr/bin/env bash
# The worked example of docs/rulepacks.md, as a region's audit office would follow it: the pack
# is taken from the page itself (```xml file=wuhan.xml), linted, explained on a Wuhan report and
# run. Fails when any step no longer does what the page says.
# Usage: rulepack_walkthrough.sh FINCHECK DOC_SNIPPETS SOURCE_DIR WORK_DIR [CORPUS_DIR]
set -euo pipefail
fincheck=$1 snippets=$2 source=$3 work=$4 corpus=${5:-}
rm -rf "$work" && mkdir -p "$work"
fail() { echo "rulepack walkthrough: $*" >&2; exit 1; }

"$snippets" "$source/docs/rulepacks.md" "$work" wuhan.xml
pack=$work/wuhan.xml

# 1. Lint: the page's pack is clean.
"$fincheck" lint "$pack" || fail "lint rejects the page's pack"

# 2. A Wuhan report: the bundled sample with its region set to a Wuhan district, and the real
#    Wuhan report of the corpus when it is there.
sed 's/region="[^"]*"/region="湖北省武汉市汉阳区"/' "$source/examples/sample-report-2024.xml" >"$work/wuhan-sample.xml"
reports=("$work/wuhan-sample.xml")
if [ -n "$corpus" ] && [ -f "$corpus/000_aea889925d4c5a63.txt" ]; then
  reports+=("$corpus/000_aea889925d4c5a63.txt")
else
  echo "rulepack walkthrough: corpus not found; running on the sample report only"
fi

for report in "${reports[@]}"; do
  # 3. Explain: the pack is selected by its match, and each decision of the page took effect.
  explained=$("$fincheck" explain "$report" --rulepack "$pack" --lang en) || fail "explain failed on $report"
  grep -q "pack wuhan (wuhan.xml:2) is selected by its <match> (wuhan.xml:4)" <<<"$explained" ||
    fail "$report: the pack is not selected by its region: $explained"
  grep -Eq "^  arith-07-balance \[arith\]  disabled \(pack wuhan.xml:6\)" <<<"$explained" || fail "disable not shown"
  grep -Eq "^  xtab-03-05-basic \[xtab\]  enabled .*severity info \(pack wuhan.xml:7\)" <<<"$explained" ||
    fail "severity override not shown"
  grep -Eq "^  arith-06-public \[arith\]  enabled .*extra 0.01 \(pack wuhan.xml:8\)" <<<"$explained" ||
    fail "tolerance override not shown"
  grep -Eq "^  xtab-wuhan-housing \[xtab\]  enabled " <<<"$explained" || fail "the new relation is not enabled"

  # 4. Run: the audit says the same, and the disabled rule reports nothing.
  status=0
  "$fincheck" check "$report" --rulepack "$pack" -o "$work/audit.xml" || status=$?
  [ "$status" -le 1 ] || fail "check failed on $report (exit $status)"
  grep -q '<rule id="arith-07-balance"[^>]*enabled="false"' "$work/audit.xml" || fail "audit header: arith-07-balance enabled"
  grep -q '<rule id="xtab-03-05-basic"[^>]*severity="info"' "$work/audit.xml" || fail "audit header: severity override missing"
  grep -q '<rule id="xtab-wuhan-housing"[^>]*enabled="true"' "$work/audit.xml" || fail "audit header: the new rule is missing"
  if grep -q 'rule="arith-07-balance"' "$work/audit.xml"; then fail "a disabled rule reported a finding"; fi
  if grep -q 'rule="xtab-03-05-basic" severity="error"' "$work/audit.xml"; then fail "xtab-03-05-basic reported at error"; fi
done
echo "rulepack walkthrough: lint, explain and check agree with docs/rulepacks.md"
