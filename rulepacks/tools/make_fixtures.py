#!/usr/bin/env python3
"""Writes plugins/<plugin>/fixtures/<rule>/fires.xml (must fire, annotated) and
<rule>/silent*.xml (rounding tails and non-applicable cases, must stay silent) for every
arith and xtab rule, into the folder of the plugin its prefix names (arith-* → plugins/arith,
xtab-* → plugins/xtab): the fixture folder the generic driver (tests/rule_fixtures) runs.

Every fixture is the same small consistent national report with a few cells changed, so a
reader sees at once what the rule reacts to. Run after changing a rule or the base report:
    python3 rulepacks/tools/make_fixtures.py
The output is committed; the test reads the XML, not this script.
"""
import copy
import os
import re
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TEMPLATE = os.path.join(ROOT, "schemas", "templates", "national.xml")


def plugin_of(rule):
    """The plugin that runs a rule: the family its id starts with (arith-, xtab-)."""
    return rule.split("-", 1)[0]


def fixture_folder(rule):
    return os.path.join(ROOT, "plugins", plugin_of(rule), "fixtures", rule)

IN, EX = "income", "expenditure"


def template_columns():
    """Column keys of each table of the national template, in order (schemas/templates)."""
    root = ET.parse(TEMPLATE).getroot()
    return {t.get("id"): [c.get("key") for c in t.findall("column")] for t in root.iter("table")}


COLUMNS = template_columns()


def row(key, cells, code="", part="", label=""):
    return {"key": key, "code": code, "part": part, "label": label, "cells": list(cells)}


def base_report():
    """The consistent report of tests/national_report.hpp: every relation holds, some only
    within rounding (01 classes add to 592.30 against a 本年支出合计 of 592.29, printed as 592.29
    in every table; 06 301 is a 9-part sum with a 0.01 tail). A figure printed in two tables is
    printed identically: a 0.01 tail belongs to a sum, never to a figure and its copy."""
    t = {}
    t["01"] = (COLUMNS["01"], [
        row("income/一般公共预算财政拨款收入", ["592.29"], part=IN, label="一、一般公共预算财政拨款收入"),
        row("income/政府性基金预算财政拨款收入", [""], part=IN, label="二、政府性基金预算财政拨款收入"),
        row("income/本年收入合计", ["592.29"], part=IN, label="本年收入合计"),
        row("income/使用非财政拨款结余", [""], part=IN, label="使用非财政拨款结余"),
        row("income/年初结转和结余", ["10.00"], part=IN, label="年初结转和结余"),
        row("income/总计", ["602.29"], part=IN, label="总计"),
        row("expenditure/201", ["171.90"], "201", EX, "一、一般公共服务支出"),
        row("expenditure/210", ["5.95"], "210", EX, "九、卫生健康支出"),
        row("expenditure/213", ["403.00"], "213", EX, "十二、农林水支出"),
        row("expenditure/221", ["11.45"], "221", EX, "十九、住房保障支出"),
        row("expenditure/本年支出合计", ["592.29"], part=EX, label="本年支出合计"),
        row("expenditure/结余分配", [""], part=EX, label="结余分配"),
        row("expenditure/年末结转和结余", ["9.99"], part=EX, label="年末结转和结余"),
        row("expenditure/总计", ["602.29"], part=EX, label="总计"),
    ])
    items = [("2013101", "行政运行", "126.08", "126.08", ""), ("2013102", "一般行政管理事务", "35.88", "0.11", "35.77"),
             ("2013201", "行政运行", "9.94", "9.94", ""), ("2101103", "公务员医疗补助", "5.95", "5.95", ""),
             ("2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出", "403.00", "", "403.00"),
             ("2210201", "住房公积金", "8.92", "8.92", ""), ("2210202", "提租补贴", "2.53", "2.53", "")]
    t["02"] = (COLUMNS["02"],
               [row("合计", ["592.29", "592.29"], label="合计")] +
               [row(c, [total, total], c, label=name) for c, name, total, _, _ in items])
    t["03"] = (COLUMNS["03"],
               [row("合计", ["592.29", "153.53", "438.76"], label="合计")] +
               [row(c, [total, b, p], c, label=name) for c, name, total, b, p in items])
    t["04"] = (COLUMNS["04"], [
        row("income/一般公共预算财政拨款", ["592.29"], part=IN, label="一、一般公共预算财政拨款"),
        row("income/本年收入合计", ["592.29"], part=IN, label="本年收入合计"),
        row("income/年初财政拨款结转和结余", [""], part=IN, label="年初财政拨款结转和结余"),
        row("income/总计", ["592.29"], part=IN, label="总计"),
        row("expenditure/201", ["171.90", "171.90"], "201", EX, "一、一般公共服务支出"),
        row("expenditure/210", ["5.95", "5.95"], "210", EX, "九、卫生健康支出"),
        row("expenditure/213", ["403.00", "403.00"], "213", EX, "十二、农林水支出"),
        row("expenditure/221", ["11.45", "11.45"], "221", EX, "十九、住房保障支出"),
        row("expenditure/本年支出合计", ["592.29", "592.29"], part=EX, label="本年支出合计"),
        row("expenditure/年末财政拨款结转和结余", ["", ""], part=EX, label="年末财政拨款结转和结余"),
        row("expenditure/总计", ["592.29", "592.29"], part=EX, label="总计"),
    ])
    t["05"] = (COLUMNS["05"],
               [row("合计", ["592.29", "153.53", "438.76"], label="合计")] +
               [row(c, [total, b, p], c, label=name) for c, name, total, b, p in items])
    econ = [("301", "工资福利支出", "131.87"), ("30101", "基本工资", "19.70"), ("30102", "津贴补贴", "26.46"),
            ("30103", "奖金", "49.40"), ("30106", "伙食补助费", "4.14"), ("30108", "机关事业单位基本养老保险缴费", "9.94"),
            ("30110", "职工基本医疗保险缴费", "4.10"), ("30111", "公务员医疗补助缴费", "6.51"),
            ("30112", "其他社会保障缴费", "0.27"), ("30113", "住房公积金", "11.34"),
            ("303", "对个人和家庭的补助", "14.59"), ("30302", "退休费", "7.46"), ("30307", "医疗费补助", "7.13"),
            ("302", "商品和服务支出", "7.07"), ("30211", "差旅费", "0.15"), ("30217", "公务接待费", "0.20"),
            ("30228", "工会经费", "1.49"), ("30229", "福利费", "0.90"), ("30239", "其他交通费用", "4.32"),
            ("310", "资本性支出", "")]
    t["06"] = (COLUMNS["06"], [row(c, [v], c, label=name) for c, name, v in econ] +
               [row("人员经费合计", ["146.46"], label="人员经费合计"), row("公用经费合计", ["7.07"], label="公用经费合计")])
    t["07"] = (COLUMNS["07"],
               [row("合计", ["0.00"] * 6, label="合计")])
    t["08"] = (COLUMNS["08"], [row("合计", ["", "", ""], label="合计")])
    t["09"] = (COLUMNS["09"], [row("合计", ["1.00", "0.00", "0.00", "0.00", "0.00", "1.00",
                                 "0.20", "0.00", "0.00", "0.00", "0.00", "0.20"], label="合计")])
    return {"region": "湖北省武汉市汉阳区", "department": "某区某委员会", "tables": t, "order": list(t)}


# ---- edits ---------------------------------------------------------------------------

def set_cell(rep, table, key, column, text):
    cols, rows = rep["tables"][table]
    for r in rows:
        if r["key"] == key:
            i = cols.index(column)
            r["cells"] += [""] * (len(cols) - len(r["cells"]))
            r["cells"][i] = text
            return
    raise KeyError(f"{table}/{key}")


def add_row(rep, table, new_row, after=None):
    cols, rows = rep["tables"][table]
    at = len(rows)
    if after:
        at = next(i for i, r in enumerate(rows) if r["key"] == after) + 1
    rows.insert(at, new_row)


def put_table(rep, table, cols, rows, kind=None):
    if table not in rep["tables"]:
        rep["order"].append(table)
    rep["tables"][table] = (cols, rows)
    if kind:
        rep.setdefault("kinds", {})[table] = kind


FUND_07 = (["年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"],
           [row("合计", ["1.00", "10.00", "10.50", "3.25", "7.24", "0.50"], label="合计"),
            row("2120801", ["1.00", "10.00", "10.50", "3.25", "7.24", "0.50"], "2120801", label="征地和拆迁补偿支出")])
SH_08 = (["年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"],
         [row("合计", ["2.00", "5.00", "6.50", "", "6.50", "0.50"], label="合计"),
          row("2230199", ["2.00", "5.00", "6.50", "", "6.50", "0.50"], "2230199", label="其他国有资本经营预算支出")])
CODED_03 = (["本年支出合计", "基本支出", "项目支出"], [
    row("合计", ["2106.66", "1503.52", "603.14"], label="合计"),
    row("201", ["2106.66", "1503.52", "603.14"], "201", label="一般公共服务支出"),
    row("20106", ["2106.66", "1503.52", "603.14"], "20106", label="财政事务"),
    row("2010601", ["1511.89", "1503.52", "8.37"], "2010601", label="行政运行"),
    row("2010602", ["10.00", "", "10.00"], "2010602", label="一般行政管理事务"),
    row("2010607", ["135.25", "", "135.25"], "2010607", label="信息化建设"),
    row("2010608", ["449.52", "", "449.52"], "2010608", label="财政委托业务支出"),
])
ATT = (["预算数", "执行数", "执行率"], [
    row("项目一", ["20.29", "20.02", "98.67%"], label="项目一"),
    row("项目二", ["10.00", "9.99", "99.90%"], label="项目二"),
    row("项目三", ["0.33", "0.33", "100.00%"], label="项目三"),
    row("合计", ["30.62", "30.34", "99.09%"], label="合计"),
])
STAFF = (["单位", "在职", "退休", "合计"], [
    row("本级", ["", "10", "5", "15"], label="本级"),
    row("中心", ["", "4", "1", "6"], label="中心"),  # 4 + 1 printed as 6
])


# ---- the cases -----------------------------------------------------------------------
# rule -> {"fire": (edits, [(location, note)]), "fires": [(name, edits, [(location, note)])],
#          "silent": [(name, edits, note)], "region": …}
# <rule>/fires-*.xml are further must-fire fixtures; <rule>/silent*.xml must stay silent.
# An edit is a function of the report.

def e_set(table, key, column, text):
    return lambda rep: set_cell(rep, table, key, column, text)


def e_put(table, spec, kind=None):
    return lambda rep: put_table(rep, table, *copy.deepcopy(spec), kind=kind)


def e_add(table, new_row, after=None):
    return lambda rep: add_row(rep, table, copy.deepcopy(new_row), after)


# 01 without carry-over: no 年初/年末结转和结余, totals equal to the year's income and expenditure.
NO_CARRY_OVER = [e_set("01", "income/年初结转和结余", "决算数", ""), e_set("01", "income/总计", "决算数", "592.29"),
                 e_set("01", "expenditure/年末结转和结余", "决算数", ""), e_set("01", "expenditure/总计", "决算数", "592.29")]


def e_region(region, department):
    def f(rep):
        rep["region"] = region
        rep["department"] = department
    return f


SHANGHAI = e_region("上海市普陀区", "上海市普陀区某局")

CASES = {
    "arith-01-income-lines": dict(
        fire=([e_set("01", "income/本年收入合计", "决算数", "582.29")],
              [("01/income/本年收入合计/决算数", "本年收入合计 582.29 but the income lines add to 592.29")]),
        silent=[("silent", [e_set("01", "income/一般公共预算财政拨款收入", "决算数", "592.30")],
                 "592.30 against 592.29: a 0.01 tail on two printed figures is within 0.01")]),
    "arith-01-class-lines": dict(
        fire=([e_set("01", "expenditure/210", "决算数", "")],
              [("01/expenditure/本年支出合计/决算数", "the 卫生健康 class line is blank: the class lines miss 5.95")]),
        silent=[("silent", [e_set("01", "expenditure/本年支出合计", "决算数", "592.32")],
                 "592.32 against 592.30 over four class lines: 0.02 is within 0.005 × 5"),
                ("printed", [], "592.29 against 592.30 over four class lines: a 0.01 tail")]),
    "arith-01-grand-totals": dict(
        fire=([e_set("01", "income/总计", "决算数", "612.29")],
              [("01/income/总计/决算数", "income 总计 612.29 ≠ 592.29 + 10.00"),
               ("01/income/总计/决算数", "income 总计 612.29 ≠ expenditure 总计 602.29")]),
        silent=[("silent", [e_set("01", "income/总计", "决算数", "602.30")],
                 "a 0.01 tail against both relations is within tolerance")]),
    "arith-02-columns": dict(
        fire=([e_set("02", "2013102", "本年收入合计", "36.88")],
              [("02/2013102/本年收入合计", "36.88 but the sources add to 35.88")]),
        silent=[("silent", [e_set("02", "2013101", "财政拨款收入", "126.07")], "0.01 tail on one source")]),
    "arith-03-columns": dict(
        fire=([e_set("03", "2013102", "本年支出合计", "35.99")],
              [("03/2013102/本年支出合计", "35.99 but 0.11 + 35.77 = 35.88")]),
        silent=[("silent", [e_set("03", "2013101", "基本支出", "126.07")], "0.01 tail")]),
    "arith-05-columns": dict(
        fire=([e_set("05", "2130599", "合计", "430.00")],
              [("05/2130599/合计", "430.00 but basic + project = 403.00")]),
        silent=[("silent", [e_set("05", "2013102", "合计", "35.89")], "35.89 against 0.11 + 35.77: within 0.015")]),
    "arith-07-columns": dict(
        fire=([e_put("07", FUND_07), e_set("07", "2120801", "本年支出合计", "12.50")],
              [("07/2120801/本年支出合计", "12.50 but basic + project = 10.49")]),
        silent=[("silent", [e_put("07", FUND_07)], "10.50 against 3.25 + 7.24 = 10.49: within 0.015")]),
    "arith-07-balance": dict(
        fire=([e_put("07", FUND_07), e_set("07", "合计", "年末结转和结余", "5.00")],
              [("07/合计/年末结转和结余", "5.00 but 1.00 + 10.00 − 10.50 = 0.50")]),
        silent=[("silent", [e_put("07", FUND_07), e_set("07", "2120801", "年末结转和结余", "0.51")],
                 "0.51 against 0.50 over four printed figures: within 0.02")]),
    "arith-08-columns": dict(
        fire=([e_put("08", (["本年支出合计", "基本支出", "项目支出"], [row("合计", ["3.00", "1.00", "1.00"], label="合计")]))],
              [("08/合计/本年支出合计", "3.00 but 1.00 + 1.00 = 2.00")]),
        silent=[("silent", [e_put("08", (["本年支出合计", "基本支出", "项目支出"], [row("合计", ["2.01", "1.00", "1.00"], label="合计")]))],
                 "2.01 against 2.00: within 0.015")]),
    "arith-08-balance": dict(
        fire=([SHANGHAI, e_put("08", SH_08), e_set("08", "2230199", "年末结转和结余", "1.50")],
              [("08/2230199/年末结转和结余", "Shanghai 08: 1.50 but 2.00 + 5.00 − 6.50 = 0.50")]),
        silent=[("silent", [SHANGHAI, e_put("08", SH_08), e_set("08", "合计", "年末结转和结余", "0.51")], "0.01 tail"),
                ("national", [e_put("08", SH_08), e_set("08", "2230199", "年末结转和结余", "1.50")],
                 "a national report: the relation belongs to the Shanghai template only")]),
    "arith-04-columns": dict(
        fire=([e_set("04", "expenditure/213", "合计", "430.00")],
              [("04/expenditure/213/合计", "430.00 but the fund columns add to 403.00")]),
        silent=[("silent", [e_set("04", "expenditure/201", "合计", "171.91")], "0.01 tail")]),
    "arith-04-income-lines": dict(
        fire=([e_set("04", "income/本年收入合计", "合计", "582.29")],
              [("04/income/本年收入合计/合计", "582.29 but the fund lines add to 592.29")]),
        silent=[("silent", [e_set("04", "income/本年收入合计", "合计", "592.30")], "0.01 tail")]),
    "arith-04-class-lines": dict(
        fire=([e_set("04", "expenditure/213", "一般公共预算财政拨款", "430.00")],
              [("04/expenditure/本年支出合计/一般公共预算财政拨款", "the class lines of this column add to 619.30")]),
        silent=[("silent", [], "592.29 against class lines adding to 592.30: within 0.025")]),
    "arith-04-grand-totals": dict(
        fire=([e_set("04", "expenditure/总计", "合计", "600.00")],
              [("04/expenditure/总计/合计", "600.00 but 592.29 + blank"),
               ("04/income/总计/合计", "income 总计 592.29 ≠ expenditure 总计 600.00")]),
        silent=[("silent", [e_set("04", "expenditure/总计", "一般公共预算财政拨款", "592.30")], "0.01 tail")]),
    "arith-04-opening-split": dict(
        fire=([e_set("04", "income/年初财政拨款结转和结余", "合计", "21.63"),
               e_add("04", row("income/年初结转和结余/一般公共预算财政拨款", ["20.00"], part=IN, label="一般公共预算财政拨款"),
                     "income/年初财政拨款结转和结余")],
              [("04/income/年初财政拨款结转和结余/合计", "21.63 but the split rows add to 20.00")]),
        silent=[("silent", [e_set("04", "income/年初财政拨款结转和结余", "合计", "21.63"),
                            e_add("04", row("income/年初结转和结余/一般公共预算财政拨款", ["21.63"], part=IN, label="一般公共预算财政拨款"),
                                  "income/年初财政拨款结转和结余")], "the split agrees"),
                ("unsplit", [e_set("04", "income/年初财政拨款结转和结余", "合计", "21.63")],
                 "no split rows printed: the rule does not apply")]),
    "arith-04-closing-split": dict(
        fire=([e_set("04", "expenditure/年末财政拨款结转和结余", "合计", "5.00"),
               e_add("04", row("expenditure/年末结转和结余/一般公共预算财政拨款", ["3.00"], part=EX, label="一般公共预算财政拨款"),
                     "expenditure/年末财政拨款结转和结余")],
              [("04/expenditure/年末财政拨款结转和结余/合计", "5.00 but the split rows add to 3.00")]),
        silent=[("shanghai", [SHANGHAI, e_set("04", "expenditure/年末财政拨款结转和结余", "合计", "5.00"),
                              e_add("04", row("expenditure/年末结转和结余/一般公共预算财政拨款", ["3.00"], part=EX, label="一般公共预算财政拨款"),
                                    "expenditure/年末财政拨款结转和结余")],
                 "the Shanghai pack disables this rule")]),
    "arith-06-personnel": dict(
        fire=([e_set("06", "人员经费合计", "决算数", "150.00")],
              [("06/人员经费合计/决算数", "150.00 but 301 + 303 = 146.46")]),
        silent=[("silent", [e_set("06", "人员经费合计", "决算数", "146.47")], "0.01 tail")]),
    "arith-06-public": dict(
        fire=([e_set("06", "公用经费合计", "决算数", "6.71")],
              [("06/公用经费合计/决算数", "6.71 but 302 + 310 = 7.07")]),
        silent=[("silent", [e_set("06", "公用经费合计", "决算数", "7.08")], "0.01 tail")]),
    "arith-09-totals": dict(
        fire=([e_set("09", "合计", "决算数/合计", "0.50")],
              [("09/合计/决算数/合计", "0.50 but 0.00 + 0.00 + 0.20 = 0.20")]),
        silent=[("silent", [e_set("09", "合计", "预算数/合计", "1.01")], "0.01 tail")]),
    "xtab-01-02-income": dict(
        fire=([e_set("02", "合计", "本年收入合计", "600.00")],
              [("01/income/本年收入合计/决算数", "01 592.29 against 02 600.00")]),
        silent=[("silent", [e_set("02", "合计", "财政拨款收入", "592.30")], "0.01 tail")]),
    "xtab-01-03-expenditure": dict(
        fire=([e_set("01", "expenditure/210", "决算数", "")],
              [("01/expenditure/210/决算数", "class 210 blank in 01 while 03 spends 5.95 on 2101103")]),
        silent=[("silent", [e_set("01", "expenditure/221", "决算数", "11.46")],
                 "11.46 against 8.92 + 2.53 = 11.45: within 0.015")]),
    "xtab-01-04-fiscal-income": dict(
        fire=([e_set("04", "income/一般公共预算财政拨款", "合计", "582.29")],
              [("01/income/一般公共预算财政拨款收入/决算数", "592.29 in 01, 582.29 in 04")]),
        fires=[("fires-two-printings", [e_set("04", "income/一般公共预算财政拨款", "合计", "592.30")],
                [("01/income/一般公共预算财政拨款收入/决算数",
                  "592.29 in 01, 592.30 in 04: one figure printed twice must agree to the last digit (warning)")])],
        silent=[("identical", [], "the same figure printed identically in 01 and 04")]),
    "xtab-04-05-expenditure": dict(
        fire=([e_set("04", "expenditure/221", "一般公共预算财政拨款", "11.43")],
              [("04/expenditure/221/一般公共预算财政拨款", "11.43 in 04, 8.92 + 2.53 = 11.45 in 05: beyond 0.015")]),
        silent=[("silent", [e_set("04", "expenditure/221", "一般公共预算财政拨款", "11.44")], "0.01 tail")]),
    "xtab-03-05-basic": dict(
        fire=(NO_CARRY_OVER + [e_set("05", "合计", "基本支出", "150.00")],
              [("03/合计/基本支出", "03 153.53 against 05 150.00 (no other income, no carry-over)")]),
        fires=[("fires-two-printings", NO_CARRY_OVER + [e_set("05", "合计", "基本支出", "153.54")],
                [("03/合计/基本支出", "153.53 in 03, 153.54 in 05: one figure printed twice (warning)")]),
               ("fires-shanghai", [SHANGHAI] + NO_CARRY_OVER + [e_set("05", "合计", "基本支出", "150.00")],
                [("03/合计/基本支出", "a Shanghai report (the pack extends the national one): 03 153.53 against "
                  "05 150.00")]),
               ("fires-fiscal-carry-over", [e_set("04", "income/年初财政拨款结转和结余", "合计", "10.00"),
                                            e_set("05", "合计", "基本支出", "150.00")],
                [("03/合计/基本支出", "01's 10.00 of 年初结转和结余 is all fiscal (04 books 10.00): 03 153.53 "
                  "against 05 150.00")])],
        silent=[("other-income", NO_CARRY_OVER + [e_set("05", "合计", "基本支出", "150.00"), e_set("02", "合计", "其他收入", "6.20")],
                 "the unit has other income, which may fund basic expenditure: the rule does not apply"),
                ("carry-over", [e_set("05", "合计", "基本支出", "150.00")],
                 "01 shows 10.00 of 年初结转和结余 and 04 no fiscal carry-over: money of another source, which may pay "
                 "basic expenditure in 03 without passing through 05, so the rule does not apply"),
                ("other-income-in-01", NO_CARRY_OVER + [e_set("05", "合计", "基本支出", "150.00"),
                                                        e_add("01", row("income/其他收入", ["6.20"], part=IN, label="六、其他收入"),
                                                              after="income/政府性基金预算财政拨款收入")],
                 "01 shows other income (02 may be missing or unread): the rule does not apply"),
                ("shanghai-carry-over", [SHANGHAI, e_set("05", "合计", "基本支出", "150.00")],
                 "a Shanghai report with 10.00 of non-fiscal carry-over in 01: the rule does not apply"),
                ("non-fiscal-balance", NO_CARRY_OVER + [e_set("05", "合计", "基本支出", "150.00"),
                                                        e_set("01", "income/使用非财政拨款结余", "决算数", "3.53"),
                                                        e_set("01", "income/总计", "决算数", "595.82")],
                 "the unit spends 3.53 of its non-fiscal balance (使用非财政拨款结余): the rule does not apply")]),
    "xtab-05-06-basic": dict(
        fire=([e_set("06", "公用经费合计", "决算数", "6.71")],
              [("05/合计/基本支出", "153.53 in 05 against 146.46 + 6.71 = 153.17 in 06")]),
        silent=[("silent", [e_set("06", "人员经费合计", "决算数", "146.47")], "0.01 tail")]),
    "xtab-04-07-fund": dict(
        fire=([e_set("04", "expenditure/本年支出合计", "政府性基金预算财政拨款", "10.00")],
              [("04/expenditure/本年支出合计/政府性基金预算财政拨款", "04 states 10.00 of fund spending, 07 is empty")]),
        silent=[("silent", [], "07 printed with zeros and 04's fund column blank: consistent")]),
    "xtab-04-08-state-capital": dict(
        fire=([e_set("04", "expenditure/本年支出合计", "国有资本经营预算财政拨款", "10.00")],
              [("04/expenditure/本年支出合计/国有资本经营预算财政拨款", "04 states 10.00, 08 is empty")]),
        silent=[("silent", [], "08 empty and 04's column blank: consistent")]),
    "xtab-06-09-three-public": dict(
        fire=([e_set("06", "30217", "决算数", "0.80")],
              [("06/30217/决算数", "06 公务接待费 0.80 exceeds the 09 actual 0.20")]),
        silent=[("silent", [e_set("09", "合计", "决算数/公务接待费", "0.50"), e_set("09", "合计", "决算数/合计", "0.50")],
                 "06 below 09 is normal: 09 also counts project spending")]),
    "arith-total-row": dict(
        fire=([e_set("02", "合计", "本年收入合计", "600.00"), e_put("att-1", ATT, "attachment-form"),
               e_set("att-1", "合计", "执行数", "31.34")],
              [("02/合计/本年收入合计", "600.00 but the code rows add to 592.30"),
               ("att-1/合计/执行数", "31.34 but the projects add to 30.34")]),
        silent=[("silent", [e_put("att-1", ATT, "attachment-form")],
                 "03 合计 592.29 against seven rows adding to 592.30, and the attachment's rate column is not summed")]),
    "arith-code-subtotal": dict(
        fire=([e_put("03", CODED_03), e_set("03", "20106", "项目支出", "593.14")],
              [("03/201/项目支出", "the 类 row 603.14 against its 款 row 593.14"),
               ("03/20106/项目支出", "the 款 row 593.14 against its 项 rows 603.14")]),
        silent=[("silent", [e_put("03", CODED_03), e_set("03", "2010601", "本年支出合计", "1511.90")],
                 "a 0.01 tail on four 项 rows")]),
    "arith-total-column": dict(
        fire=([e_put("other-1", STAFF, "other")], [("other-1/中心/合计", "6 but 在职 4 + 退休 1 = 5")]),
        silent=[("silent", [e_put("other-1", (STAFF[0], [STAFF[1][0]]), "other")], "15 = 10 + 5")]),
    "arith-blank-total": dict(
        fire=([e_set("02", "合计", "本年收入合计", "")],
              [("02/合计/本年收入合计", "the 合计 cell is blank while the code rows add to 592.30")]),
        silent=[("silent", [], "07/08 print blank or zero totals over blank rows: not a finding")]),
    "arith-total-below-part": dict(
        fire=([e_set("03", "合计", "本年支出合计", "9.94")],
              [("03/合计/本年支出合计", "9.94 is below the 403.00 of one of its rows: a misread value")]),
        silent=[("silent", [e_set("03", "合计", "本年支出合计", "500.00")],
                 "500.00 is wrong but not below any part: arith-total-row reports it, not this rule")]),
}
# ---- writing -------------------------------------------------------------------------

def level(r):
    key = r["key"]
    if key == "合计" or key.endswith("合计") or key.endswith("总计"):
        return "total"
    return {3: "class", 5: "item", 7: "subitem"}.get(len(r["code"]), "")


def render(rep, rule, notes, title, name):
    file_name = (rule, name)
    said_at = []
    expect_at = {}
    for loc, note in notes:
        parts = loc.split("/")
        expect_at.setdefault(parts[0], []).append((loc, note))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f"<!-- {escape(title)}",
           "     Generated by rulepacks/tools/make_fixtures.py from one consistent report. -->",
           '<report format-version="1">',
           f'  <metadata department={quoteattr(rep["department"])} region={quoteattr(rep["region"])} fiscal-year="2024"/>',
           "  <body>"]
    line = 1
    for tid in rep["order"]:
        cols, rows = rep["tables"][tid]
        kind = rep.get("kinds", {}).get(tid)
        kind_attr = f' kind="{kind}"' if kind else ""
        line += 1
        out.append(f'    <table id="{tid}"{kind_attr} line="{line}">')
        out.append("      <columns>" + "".join(f"<column key={quoteattr(c)}/>" for c in cols) + "</columns>")
        for r in rows:
            line += 1
            for loc, note in expect_at.get(tid, []):
                rest = loc[len(tid) + 1:]
                col = next((c for c in cols if rest.endswith("/" + c)), None)
                row_key = rest[: -len(col) - 1] if col else rest
                if row_key == r["key"]:
                    key = (file_name, loc, sum(1 for k in said_at if k == loc))
                    said_at.append(loc)
                    said = f' "{QUOTES[key]}"' if key in QUOTES else ""
                    out.append(f"      <!-- expect: {rule} @ {loc}{said} -->")
                    out.append(f"      <!-- {escape(note)} -->")
            attrs = [f"key={quoteattr(r['key'])}"]
            if r["code"]:
                attrs.append(f'code="{r["code"]}"')
            attrs.append(f"label={quoteattr(r['label'] or r['key'])}")
            if r["part"]:
                attrs.append(f'part="{r["part"]}"')
            if level(r):
                attrs.append(f'level="{level(r)}"')
            attrs.append(f'line="{line}"')
            cells = "".join(f'<c col="{i}">{escape(v)}</c>' for i, v in enumerate(r["cells"]) if v)
            out.append(f"      <row {' '.join(attrs)}>{cells}</row>")
        out.append("    </table>")
    out += ["  </body>", "</report>", ""]
    return "\n".join(out)


# The message each expectation quotes (the driver checks it), kept from the committed fixtures:
# the script knows where a rule fires, not what it says. A new expectation is written without
# one; the driver's failure names the message to quote.
QUOTES = {}
EXPECT = re.compile(r'<!-- expect: (\S+) @ (\S+) "(.*)" -->')


def read_quotes():
    for rule in CASES:
        folder = fixture_folder(rule)
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if name.endswith(".xml"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for m in EXPECT.finditer(f.read()):
                        seen = [k for k in QUOTES if k[0] == (rule, name) and k[1] == m.group(2)]
                        QUOTES[((rule, name), m.group(2), len(seen))] = m.group(3)


def silent_name(suffix):
    """The file of a must-not-fire case: the driver reads a name starting with "silent" as one."""
    return f"{suffix}.xml" if suffix.startswith("silent") else f"silent-{suffix}.xml"


def write(rule, name, text):
    folder = fixture_folder(rule)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    read_quotes()
    for rule in CASES:
        folder = fixture_folder(rule)
        if os.path.isdir(folder):
            for name in os.listdir(folder):
                if name.endswith(".xml"):
                    os.remove(os.path.join(folder, name))
    for rule, case in CASES.items():
        edits, notes = case["fire"]
        rep = base_report()
        for e in edits:
            e(rep)
        write(rule, "fires.xml", render(rep, rule, notes, f"{rule}: must fire where annotated, and nowhere else.", "fires.xml"))
        for suffix, f_edits, f_notes in case.get("fires", []):
            rep = base_report()
            for e in f_edits:
                e(rep)
            write(rule, f"{suffix}.xml",
                  render(rep, rule, f_notes, f"{rule}: must fire where annotated, and nowhere else.", f"{suffix}.xml"))
        for suffix, s_edits, note in case["silent"]:
            rep = base_report()
            for e in s_edits:
                e(rep)
            write(rule, silent_name(suffix), render(rep, rule, [], f"{rule}: must stay silent. {note}", silent_name(suffix)))


if __name__ == "__main__":
    main()
