// The nine standard tables in the canonical model of docs/table-model.md.
#include <map>
#include <set>

#include <fmt/format.h>

#include "builder.hpp"
#include "fincheck/templates/template.hpp"

namespace fincheck::gen {
namespace {

void decorate(Table& t, ReportBuilder& b, const Profile& p, std::string_view code, std::string_view note) {
    t.code = b.own(code);
    t.department = b.own(p.department);
    t.unit = b.own("万元");
    t.note = b.own(note);
}

// One entry per printed row of a code-listed table (02, 03, 05, 07): 类 and 款 subtotal
// rows when the template prints them, then the 项 rows, each with the lines it sums.
struct CodeRow {
    std::string code;
    RowLevel level;
    std::vector<const CodeLine*> lines;
};

std::vector<CodeRow> code_rows(const Finances& f, const Profile& p, std::optional<bool> fund) {
    std::vector<CodeRow> rows;
    std::string current_class, current_item;
    for (const CodeLine& line : f.lines) {
        if (fund && line.fund != *fund) continue;
        if (p.subtotal_rows) {
            if (line.class_code() != current_class) {
                current_class = line.class_code();
                rows.push_back({current_class, RowLevel::class_, {}});
            }
            if (line.item_code() != current_item) {
                current_item = line.item_code();
                rows.push_back({current_item, RowLevel::item, {}});
            }
        }
        rows.push_back({line.code, RowLevel::subitem, {&line}});
        for (CodeRow& r : rows)
            if (r.level != RowLevel::subitem && line.code.starts_with(r.code)) r.lines.push_back(&line);
    }
    return rows;
}

template <typename Get>
Yuan sum_of(const std::vector<const CodeLine*>& lines, Get get) {
    Yuan s = 0;
    for (const CodeLine* l : lines) s += get(*l);
    return s;
}

std::vector<const CodeLine*> all_lines(const Finances& f, std::optional<bool> fund) {
    std::vector<const CodeLine*> out;
    for (const CodeLine& l : f.lines)
        if (!fund || l.fund == *fund) out.push_back(&l);
    return out;
}

// The tables, their titles and column keys are the national template's (schemas/templates).
const templates::Table& national_table(std::string_view id) {
    return *templates::TemplateSet::builtin().find("national")->table(id);
}

// The table's title as printed: the year, then the template's title.
std::string year_title(const Profile& p, std::string_view id) {
    return fmt::format("{}年度{}", p.year, national_table(id).title);
}

// Columns whose printed heading is their key, in the template's order.
void template_columns(ReportBuilder& b, Table& t, std::string_view id) {
    int n = 1;
    for (const templates::Column& c : national_table(id).columns) b.column(t, c.key, c.key, n++);
}

void table01(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("01", TableKind::standard, year_title(p, "01"));
    decorate(t, b, p, "公开01表", "注：1.本表反映部门本年度的总收支和年末结转结余情况。2.本套报表金额单位转换时可能存在尾数误差。");
    b.column(t, "决算数", "决算数", 1);
    const Yuan other = f.other_total();
    const std::array<std::pair<std::string_view, Yuan>, 8> income{{
        {"一般公共预算财政拨款收入", f.general_income()},
        {"政府性基金预算财政拨款收入", f.fund_total()},
        {"国有资本经营预算财政拨款收入", 0},
        {"上级补助收入", 0},
        {"事业收入", f.other_is_business ? other : 0},
        {"经营收入", 0},
        {"附属单位上缴收入", 0},
        {"其他收入", f.other_is_business ? 0 : other},
    }};
    int n = 1;
    for (const auto& [name, value] : income) {
        Row& r = b.row(t, fmt::format("income/{}", name), fmt::format("{}、{}", chinese_number(n), name),
                       RowLevel::none, {}, "income");
        r.line_no = b.own(std::to_string(n++));
        b.amount(t, value);
    }
    const Yuan income_total = f.income_total();
    b.row(t, "income/本年收入合计", "本年收入合计", RowLevel::total, {}, "income");
    b.zero_or_amount(t, income_total);
    b.row(t, "income/使用非财政拨款结余", "使用非财政拨款结余", RowLevel::none, {}, "income");
    b.amount(t, std::nullopt);
    b.row(t, "income/年初结转和结余", "年初结转和结余", RowLevel::none, {}, "income");
    b.amount(t, f.carry_in);
    b.row(t, "income/总计", "总计", RowLevel::total, {}, "income");
    b.zero_or_amount(t, income_total + f.carry_in);

    n = 1;
    for (const CodeName& c : functional_classes()) {
        b.row(t, fmt::format("expenditure/{}", c.code), fmt::format("{}、{}", chinese_number(n++), c.name),
              RowLevel::class_, c.code, "expenditure");
        b.amount(t, f.class_total(std::string(c.code)));
    }
    b.row(t, "expenditure/本年支出合计", "本年支出合计", RowLevel::total, {}, "expenditure");
    b.zero_or_amount(t, f.spending_total());
    b.row(t, "expenditure/结余分配", "结余分配", RowLevel::none, {}, "expenditure");
    b.amount(t, std::nullopt);
    b.row(t, "expenditure/年末结转和结余", "年末结转和结余", RowLevel::none, {}, "expenditure");
    b.amount(t, f.carry_out);
    b.row(t, "expenditure/总计", "总计", RowLevel::total, {}, "expenditure");
    b.zero_or_amount(t, f.spending_total() + f.carry_out);
}

void table02(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("02", TableKind::standard, year_title(p, "02"));
    decorate(t, b, p, "公开02表", "注：本表反映部门本年度取得的各项收入情况。");
    template_columns(b, t, "02");
    auto emit = [&](const std::vector<const CodeLine*>& lines) {
        const Yuan fiscal = sum_of(lines, [](const CodeLine& l) { return l.fiscal_income; });
        const Yuan other = sum_of(lines, [](const CodeLine& l) { return l.other(); });
        b.amount(t, fiscal + other);
        b.amount(t, fiscal);
        b.amount(t, std::nullopt);
        b.amount(t, f.other_is_business ? other : 0);
        b.amount(t, std::nullopt);
        b.amount(t, std::nullopt);
        b.amount(t, f.other_is_business ? 0 : other);
    };
    b.row(t, "合计", "合计", RowLevel::total);
    emit(all_lines(f, std::nullopt));
    // Income rows are listed for every line, general, fund and non-fiscal alike.
    for (const CodeRow& r : code_rows(f, p, std::nullopt)) {
        b.row(t, r.code, functional_name(r.code), r.level, r.code);
        emit(r.lines);
    }
}

void table03(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("03", TableKind::standard, year_title(p, "03"));
    decorate(t, b, p, "公开03表", "注：本表反映部门本年度各项支出情况。");
    template_columns(b, t, "03");
    auto emit = [&](const std::vector<const CodeLine*>& lines) {
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.total(); }));
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.basic + l.basic_other; }));
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.project + l.project_other; }));
        b.amount(t, std::nullopt);
        b.amount(t, std::nullopt);
        b.amount(t, std::nullopt);
    };
    b.row(t, "合计", "合计", RowLevel::total);
    emit(all_lines(f, std::nullopt));
    for (const CodeRow& r : code_rows(f, p, std::nullopt)) {
        b.row(t, r.code, functional_name(r.code), r.level, r.code);
        emit(r.lines);
    }
}

void table04(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("04", TableKind::standard, year_title(p, "04"));
    decorate(t, b, p, "公开04表", "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。");
    b.column(t, "合计", "决算数/合计", 1);
    b.column(t, "一般公共预算财政拨款", "决算数/一般公共预算财政拨款", 2);
    b.column(t, "政府性基金预算财政拨款", "决算数/政府性基金预算财政拨款", 3);
    b.column(t, "国有资本经营预算财政拨款", "决算数/国有资本经营预算财政拨款", 4);
    auto income = [&](std::string_view key, std::string_view label, std::optional<Yuan> value, RowLevel level = RowLevel::none) {
        b.row(t, fmt::format("income/{}", key), label, level, {}, "income");
        if (level == RowLevel::total) b.zero_or_amount(t, value.value_or(0));
        else b.amount(t, value);
        for (int i = 0; i < 3; ++i) b.amount(t, std::nullopt);
    };
    const Yuan general_in = f.general_income();
    const Yuan fund = f.fund_total();
    income("一般公共预算财政拨款", "一、一般公共预算财政拨款", general_in);
    income("政府性基金预算财政拨款", "二、政府性基金预算财政拨款", fund);
    income("国有资本经营预算财政拨款", "三、国有资本经营预算财政拨款", std::nullopt);
    income("本年收入合计", "本年收入合计", general_in + fund, RowLevel::total);
    income("年初财政拨款结转和结余", "年初财政拨款结转和结余", f.carry_in);
    income("年初结转和结余/一般公共预算财政拨款", "一般公共预算财政拨款", f.carry_in);
    income("年初结转和结余/政府性基金预算财政拨款", "政府性基金预算财政拨款", std::nullopt);
    income("年初结转和结余/国有资本经营预算财政拨款", "国有资本经营预算财政拨款", std::nullopt);
    income("总计", "总计", general_in + fund + f.carry_in, RowLevel::total);

    int n = 1;
    for (const CodeName& c : functional_classes()) {
        const Yuan g = f.class_general(std::string(c.code));
        const Yuan fd = f.class_fund(std::string(c.code));
        b.row(t, fmt::format("expenditure/{}", c.code), fmt::format("{}、{}", chinese_number(n++), c.name),
              RowLevel::class_, c.code, "expenditure");
        b.amount(t, g + fd);
        b.amount(t, g);
        b.amount(t, fd);
        b.amount(t, std::nullopt);
    }
    const Yuan general_out = f.general_total();
    b.row(t, "expenditure/本年支出合计", "本年支出合计", RowLevel::total, {}, "expenditure");
    b.zero_or_amount(t, general_out + fund);
    b.zero_or_amount(t, general_out);
    b.amount(t, fund);
    b.amount(t, std::nullopt);
    b.row(t, "expenditure/年末财政拨款结转和结余", "年末财政拨款结转和结余", RowLevel::none, {}, "expenditure");
    b.amount(t, f.carry_out);
    b.amount(t, f.carry_out);
    b.amount(t, std::nullopt);
    b.amount(t, std::nullopt);
    b.row(t, "expenditure/年末结转和结余/一般公共预算财政拨款", "一般公共预算财政拨款", RowLevel::none, {}, "expenditure");
    b.amount(t, f.carry_out);
    b.amount(t, f.carry_out);
    b.amount(t, std::nullopt);
    b.amount(t, std::nullopt);
    b.row(t, "expenditure/总计", "总计", RowLevel::total, {}, "expenditure");
    b.zero_or_amount(t, general_out + fund + f.carry_out);
    b.zero_or_amount(t, general_out + f.carry_out);
    b.amount(t, fund);
    b.amount(t, std::nullopt);
}

void table05(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("05", TableKind::standard, year_title(p, "05"));
    decorate(t, b, p, "公开05表", "注：本表反映部门本年度一般公共预算财政拨款支出情况。");
    b.column(t, "合计", "小计", 1);
    b.column(t, "基本支出", "基本支出", 2);
    b.column(t, "项目支出", "项目支出", 3);
    auto emit = [&](const std::vector<const CodeLine*>& lines) {
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.fiscal(); }));
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.basic; }));
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.project; }));
    };
    b.row(t, "合计", "合计", RowLevel::total);
    emit(all_lines(f, false));
    for (const CodeRow& r : code_rows(f, p, false)) {
        if (sum_of(r.lines, [](const CodeLine& l) { return l.fiscal(); }) == 0) continue;
        b.row(t, r.code, functional_name(r.code), r.level, r.code);
        emit(r.lines);
    }
}

void table06(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("06", TableKind::standard, year_title(p, "06"));
    decorate(t, b, p, "公开06表", "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。");
    b.column(t, "决算数", "决算数", 1);
    for (const CodeName& c : economic_codes()) {
        if (c.code.starts_with("399")) continue;  // printed only when used, and never used here
        b.row(t, c.code, c.name, c.code.size() == 3 ? RowLevel::class_ : RowLevel::item, c.code);
        b.amount(t, f.economic_amount(c.code));
    }
    b.row(t, "人员经费合计", "人员经费合计", RowLevel::total);
    b.zero_or_amount(t, f.personnel());
    b.row(t, "公用经费合计", "公用经费合计", RowLevel::total);
    b.zero_or_amount(t, f.public_use());
}

void table07(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("07", TableKind::standard, year_title(p, "07"));
    const bool empty = f.fund_total() == 0;
    decorate(t, b, p, "公开07表",
             empty ? "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。本部门无政府性基金预算财政拨款收支，故本表无数据。"
                   : "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。");
    template_columns(b, t, "07");
    auto emit = [&](const std::vector<const CodeLine*>& lines) {
        const Yuan spent = sum_of(lines, [](const CodeLine& l) { return l.fiscal(); });
        b.amount(t, std::nullopt);
        b.amount(t, spent);
        b.amount(t, spent);
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.basic; }));
        b.amount(t, sum_of(lines, [](const CodeLine& l) { return l.project; }));
        b.amount(t, std::nullopt);
    };
    b.row(t, "合计", "合计", RowLevel::total);
    emit(all_lines(f, true));
    for (const CodeRow& r : code_rows(f, p, true)) {
        b.row(t, r.code, functional_name(r.code), r.level, r.code);
        emit(r.lines);
    }
}

void table08(ReportBuilder& b, const Profile& p) {
    Table& t = b.table("08", TableKind::standard, year_title(p, "08"));
    decorate(t, b, p, "公开08表",
             "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。本部门无国有资本经营预算财政拨款收支，故本表无数据。");
    b.column(t, "本年支出合计", "合计", 1);
    b.column(t, "基本支出", "基本支出", 2);
    b.column(t, "项目支出", "项目支出", 3);
    b.row(t, "合计", "合计", RowLevel::total);
    for (int i = 0; i < 3; ++i) b.amount(t, std::nullopt);
}

void table09(ReportBuilder& b, const Profile& p, const Finances& f) {
    Table& t = b.table("09", TableKind::standard, year_title(p, "09"));
    std::string note = "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。";
    if (f.three_budget.total() == 0 && f.three_actual.total() == 0)
        note += "本部门无财政拨款“三公”经费收支，故本表无数据。";
    decorate(t, b, p, "公开09表", note);
    template_columns(b, t, "09");
    b.row(t, "合计", "合计", RowLevel::total);
    for (const ThreePublic* tp : {&f.three_budget, &f.three_actual}) {
        b.zero_or_amount(t, tp->total());
        b.zero_or_amount(t, tp->abroad);
        b.zero_or_amount(t, tp->cars());
        b.zero_or_amount(t, tp->car_purchase);
        b.zero_or_amount(t, tp->car_running);
        b.zero_or_amount(t, tp->reception);
    }
}

}  // namespace

void add_standard_tables(ReportBuilder& b, const Profile& p, const Finances& f) {
    b.section("第二部分", fmt::format("{}{}年度部门决算表", p.department, p.year), 1);
    table01(b, p, f);
    table02(b, p, f);
    table03(b, p, f);
    table04(b, p, f);
    table05(b, p, f);
    table06(b, p, f);
    table07(b, p, f);
    table08(b, p);
    table09(b, p, f);
}

}  // namespace fincheck::gen
