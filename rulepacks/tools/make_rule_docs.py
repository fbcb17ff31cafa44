#!/usr/bin/env python3
"""Writes plugins/<plugin>/rules/<rule>.md for every arith and xtab rule, in the folder of the
plugin its prefix names: what it checks (from the pack XML or, for the generic rules, from the
text below), its severity and where it is defined, a failing example and a passing example
(from the fixtures and their notes).

    python3 rulepacks/tools/make_rule_docs.py
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402  (the fixture cases and their notes)

PACKS = ["national", "shanghai"]
GENERIC = {
    "arith-total-row": dict(
        title="合计行不等于其各组成行之和 / A total row differs from the sum of its rows", severity="error",
        what="""In every table without income/expenditure halves (standard tables 02/03/05/07/08, attachment
forms, other tables), a row labelled 合计, 总计 or 小计 must equal the rows it closes:
- in a table with codes, the root code rows (the 类 rows when printed, otherwise the 项 rows), so
  类/款 subtotal rows are never counted twice;
- a 合计 after 小计 rows, the 小计 rows;
- otherwise the rows above it back to the previous total (or below it, when it is printed first).
Every additive column is checked; rate, share, ordinal and target columns (率, %, 占比, 序号,
目标, 指标 …) are not summed. Tolerance: 0.005 × (printed figures)."""),
    "arith-code-subtotal": dict(
        title="类/款科目行不等于其下级科目之和 / A class or item code row differs from its sub-codes", severity="error",
        what="""A 3-digit (类) or 5-digit (款) functional code row, and a 3-digit economic class row (301, 302 …),
must equal the sum of its direct children: the next code level printed under it (款 rows
under a 类, or the 项 rows when the table skips the 款 level). Every column, every table."""),
    "arith-total-column": dict(
        title="合计栏不等于同组各栏之和 / A total column differs from its sibling columns", severity="error",
        what="""In attachment forms and other tables, a column headed 合计/小计/总计 must equal, on every row, the
sum of the additive columns of its header group. The standard tables' column formulas are
stated in the rule packs instead (arith-02-columns …), with their exact parts."""),
    "arith-blank-total": dict(
        title="合计为空而组成项有数 / A total is blank while its parts carry amounts", severity="error",
        what="""A total cell (any relation the generic rules find: total row, code subtotal, total column) that is
printed blank while its parts add up to a non-zero amount. Reported once, instead of an
arithmetic mismatch against an imagined zero."""),
    "arith-total-below-part": dict(
        title="合计小于其最大组成项（疑似错读）/ A total below its largest part (likely misread)", severity="warning",
        what="""A total smaller than the largest of two or more non-negative, non-zero parts cannot come from
adding: it marks a value read from the wrong column or page. Reported as a warning about a
probable misreading instead of an arithmetic error (arith-total-row and arith-code-subtotal stay
silent on that cell). Pack rules apply the same reading to their own sums (message
`below-part`)."""),
}


def pack_rules():
    rules = {}
    for pack in PACKS:
        path = os.path.join(ROOT, "rulepacks", "packs", f"{pack}.xml")
        root = ET.parse(path).getroot()
        text = open(path, encoding="utf-8").read()
        for rule in root.findall("rule"):
            rid = rule.get("id")
            line = text[: text.index(f'<rule id="{rid}"')].count("\n") + 1
            rules.setdefault(rid, dict(rule=rule, pack=pack, line=line))
        for d in root.findall("disable"):
            rules_note.setdefault(d.get("rule"), []).append(f"Disabled by the `{pack}` pack.")
        for o in root.findall("override"):
            bits = []
            if o.get("severity"):
                bits.append(f"severity {o.get('severity')}")
            if o.find("tolerance") is not None:
                bits.append("tolerance " + ", ".join(f"{k}={v}" for k, v in o.find("tolerance").attrib.items()))
            rules_note.setdefault(o.get("rule"), []).append(f"The `{pack}` pack overrides: {'; '.join(bits)}.")
    return rules


rules_note = {}


def describe_term(t):
    col = t.get("column") or f"栏次{t.get('column-number')}"
    sign = "−" if t.get("sign") in ("minus", "-") else ""
    if t.tag == "cell":
        ref = t.get("row") or t.get("code") or t.get("label") or t.get("line-no")
        return f"{sign}`{t.get('table')}/{ref}/{col}`"
    if t.tag == "sum-codes":
        excl = f" except {t.get('exclude')}" if t.get("exclude") else ""
        part = f" ({t.get('part')})" if t.get("part") else ""
        length = "leaf rows" if t.get("length") == "leaf" else f"{t.get('length')}-digit codes"
        return f"{sign}Σ `{t.get('table')}`{part} {length} starting `{t.get('prefix') or '(any)'}`{excl} · `{col}`"
    if t.tag == "sum-rows":
        rows = t.get("rows") or f"{t.get('from')} … {t.get('to')}"
        return f"{sign}Σ `{t.get('table')}` rows `{rows}` · `{col}`"
    if t.tag == "sum-columns":
        return f"{sign}Σ `{t.get('table')}/{t.get('row')}` columns `{t.get('columns')}`"
    return t.tag


def describe_rule(rule):
    out = []
    when = rule.find("when")
    if when is not None:
        conds = [f"`{c.tag}` {' '.join(f'{k}={v}' for k, v in c.attrib.items())}" for c in when]
        out.append("Applies only when: " + "; ".join(conds) + ".")
        out.append("")
    for check in rule.findall("check"):
        op = {"eq": "=", "le": "≤", "ge": "≥"}.get(check.get("op", "eq"), check.get("op"))
        each = check.find("each")
        left = " + ".join(describe_term(t) for t in check.find("left"))
        right = " + ".join(describe_term(t) for t in check.find("right"))
        line = f"- **{check.get('label-zh') or ''}** — {left} {op} {right}"
        if each is not None:
            src = each.get("values") or each.get("codes") or each.get("rows-of")
            kind = "each value of" if each.get("values") else (
                f"each {each.get('length')}-digit code prefix present in" if each.get("codes") else "each row of")
            line += f", for `{{{each.get('var')}}}` = {kind} `{src}`"
        out.append(line)
    return "\n".join(out)


def fixture_excerpt(rule_id, name):
    path = os.path.join(make_fixtures.fixture_folder(rule_id), name)
    lines = open(path, encoding="utf-8").read().splitlines()
    keep = []
    for i, l in enumerate(lines):
        if "expect:" in l:
            keep += lines[i: i + 3]
    return "\n".join(k.strip() for k in keep)


PACK_TOLERANCE = ("Tolerance: |left − right| ≤ 0.005 × (printed figures on both sides), unless the pack or the "
                  "configuration sets another (see [rulepacks.md](../../../docs/rulepacks.md)). Blank cells count as zero; a "
                  "column left blank throughout a table that prints figures elsewhere is unknown, and the "
                  "relation is then not checked. An equality between one printed cell of one table and one of "
                  "another is the same figure printed twice: any difference there is reported, within the "
                  "tolerance as a warning (message `two-printings`), beyond it at the rule's severity; a pack's "
                  "absolute tolerance is kept as the region's word.")
GENERIC_TOLERANCE = ("Tolerance: |total − Σ parts| ≤ 0.005 × (printed figures among the total and its parts) plus the "
                     "configured extra (the interval reading of docs/domain.md); blank parts count as exact zeros.")


def page(rule_id, title, severity, where, what, tolerance=PACK_TOLERANCE):
    case = make_fixtures.CASES[rule_id]
    _, fire_notes = case["fire"]
    out = [f"# {rule_id}", "", f"**{title}**", "",
           f"- Severity: `{severity}`", f"- Defined in: {where}",
           f"- Fixtures: `plugins/{make_fixtures.plugin_of(rule_id)}/fixtures/{rule_id}/`: `fires*.xml` (must fire) and "
           f"`silent*.xml` (must stay silent)", ""]
    for note in rules_note.get(rule_id, []):
        out.append(f"- {note}")
    out += ["", "## What it checks", "", what, "", tolerance, "",
            "## Failing example", "",
            "The consistent fixture report with: " + "; ".join(n for _, n in fire_notes) + ".", "",
            "```xml", fixture_excerpt(rule_id, "fires.xml"), "```", "",
            "## Passing examples", ""]
    for suffix, _, note in case["silent"]:
        out.append(f"- `{make_fixtures.silent_name(suffix)}`: {note}.")
    out.append("")
    return "\n".join(out)


def rules_folder(rule_id):
    docs = os.path.join(ROOT, "plugins", make_fixtures.plugin_of(rule_id), "rules")
    os.makedirs(docs, exist_ok=True)
    return docs


def main():
    for rid, info in pack_rules().items():
        rule = info["rule"]
        t = rule.find("title")
        title = f"{t.get('zh')} / {t.get('en')}"
        where = f"`rulepacks/packs/{info['pack']}.xml` line {info['line']}"
        with open(os.path.join(rules_folder(rid), f"{rid}.md"), "w", encoding="utf-8") as f:
            f.write(page(rid, title, rule.get("severity", "error"), where, describe_rule(rule)))
    for rid, g in GENERIC.items():
        where = "`plugins/arith/src/generic/` (C++; finds its relations by table shape)"
        with open(os.path.join(rules_folder(rid), f"{rid}.md"), "w", encoding="utf-8") as f:
            f.write(page(rid, g["title"], g["severity"], where, g["what"], GENERIC_TOLERANCE))


if __name__ == "__main__":
    main()
