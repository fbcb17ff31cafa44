// A small, fully consistent national-template report built in code: every relation of the
// national pack holds, several only within rounding (a 0.01 tail on a 9-part sum). Tests
// break one figure at a time.
#pragma once

#include "fincheck/templates/template.hpp"
#include "report_builder.hpp"

namespace fincheck::rulepacks::testing {

// A table of the national template with every column it declares, in its order.
inline TableBuilder add_national_table(Report& r, std::string_view id) {
    const templates::Table* table = templates::TemplateSet::builtin().find("national")->table(id);
    if (!table) throw std::runtime_error("the national template has no table " + std::string(id));
    return add_table_with(r, id, table->column_keys());
}

inline Report consistent_national_report(std::string_view region = "湖北省武汉市汉阳区") {
    Report r;
    r.meta.region = r.own(region);
    r.meta.department = r.own(std::string(region) + "某局");
    r.meta.fiscal_year = 2024;
    const char* in = "income";
    const char* ex = "expenditure";
    add_national_table(r, "01")
        .row("income/一般公共预算财政拨款收入", {"592.29"}, {}, in)
        .row("income/政府性基金预算财政拨款收入", {""}, {}, in)
        .row("income/本年收入合计", {"592.29"}, {}, in)
        .row("income/使用非财政拨款结余", {""}, {}, in)
        .row("income/年初结转和结余", {"10.00"}, {}, in)
        .row("income/总计", {"602.29"}, {}, in)
        .row("expenditure/201", {"171.90"}, "201", ex)
        .row("expenditure/210", {"5.95"}, "210", ex)
        .row("expenditure/213", {"403.00"}, "213", ex)
        .row("expenditure/221", {"11.45"}, "221", ex)
        .row("expenditure/本年支出合计", {"592.29"}, {}, ex)  // 4 parts sum to 592.30: a tail
        .row("expenditure/结余分配", {""}, {}, ex)
        .row("expenditure/年末结转和结余", {"9.99"}, {}, ex)
        .row("expenditure/总计", {"602.29"}, {}, ex);
    add_national_table(r, "02")
        .row("合计", {"592.29", "592.29"})
        .row("2013101", {"126.08", "126.08"}, "2013101")
        .row("2013102", {"35.88", "35.88"}, "2013102")
        .row("2013201", {"9.94", "9.94"}, "2013201")
        .row("2101103", {"5.95", "5.95"}, "2101103")
        .row("2130599", {"403.00", "403.00"}, "2130599")
        .row("2210201", {"8.92", "8.92"}, "2210201")
        .row("2210202", {"2.53", "2.53"}, "2210202");
    add_national_table(r, "03")
        .row("合计", {"592.29", "153.53", "438.76"})
        .row("2013101", {"126.08", "126.08"}, "2013101")
        .row("2013102", {"35.88", "0.11", "35.77"}, "2013102")
        .row("2013201", {"9.94", "9.94"}, "2013201")
        .row("2101103", {"5.95", "5.95"}, "2101103")
        .row("2130599", {"403.00", "", "403.00"}, "2130599")
        .row("2210201", {"8.92", "8.92"}, "2210201")
        .row("2210202", {"2.53", "2.53"}, "2210202");
    add_national_table(r, "04")
        .row("income/一般公共预算财政拨款", {"592.29"}, {}, in)
        .row("income/本年收入合计", {"592.29"}, {}, in)
        .row("income/年初财政拨款结转和结余", {""}, {}, in)
        .row("income/总计", {"592.29"}, {}, in)
        .row("expenditure/201", {"171.90", "171.90"}, "201", ex)
        .row("expenditure/210", {"5.95", "5.95"}, "210", ex)
        .row("expenditure/213", {"403.00", "403.00"}, "213", ex)
        .row("expenditure/221", {"11.45", "11.45"}, "221", ex)
        .row("expenditure/本年支出合计", {"592.29", "592.29"}, {}, ex)
        .row("expenditure/年末财政拨款结转和结余", {"", ""}, {}, ex)
        .row("expenditure/总计", {"592.29", "592.29"}, {}, ex);
    add_national_table(r, "05")
        .row("合计", {"592.29", "153.53", "438.76"})
        .row("2013101", {"126.08", "126.08"}, "2013101")
        .row("2013102", {"35.88", "0.11", "35.77"}, "2013102")
        .row("2013201", {"9.94", "9.94"}, "2013201")
        .row("2101103", {"5.95", "5.95"}, "2101103")
        .row("2130599", {"403.00", "", "403.00"}, "2130599")
        .row("2210201", {"8.92", "8.92"}, "2210201")
        .row("2210202", {"2.53", "2.53"}, "2210202");
    add_national_table(r, "06")
        .row("301", {"131.87"}, "301")
        .row("30101", {"19.70"}, "30101").row("30102", {"26.46"}, "30102").row("30103", {"49.40"}, "30103")
        .row("30106", {"4.14"}, "30106").row("30108", {"9.94"}, "30108").row("30110", {"4.10"}, "30110")
        .row("30111", {"6.51"}, "30111").row("30112", {"0.27"}, "30112").row("30113", {"11.34"}, "30113")
        .row("303", {"14.59"}, "303")
        .row("30302", {"7.46"}, "30302").row("30307", {"7.13"}, "30307")
        .row("302", {"7.07"}, "302")
        .row("30211", {"0.15"}, "30211").row("30217", {"0.20"}, "30217").row("30228", {"1.49"}, "30228")
        .row("30229", {"0.90"}, "30229").row("30239", {"4.32"}, "30239")
        .row("310", {""}, "310")
        .row("人员经费合计", {"146.46"})
        .row("公用经费合计", {"7.07"});
    add_national_table(r, "07")
        .row("合计", {"0.00", "0.00", "0.00", "0.00", "0.00", "0.00"});
    add_national_table(r, "08").row("合计", {"", "", ""});
    add_national_table(r, "09")
        .row("合计", {"1.00", "0.00", "0.00", "0.00", "0.00", "1.00", "0.20", "0.00", "0.00", "0.00", "0.00", "0.20"});
    return r;
}

// Replaces the printed text (and value) of one cell.
inline void set_cell(Report& r, std::string_view table, std::string_view row, std::string_view column,
                     std::string_view text) {
    for (Table& t : r.tables) {
        if (t.id != table) continue;
        auto c = t.column_index(column);
        for (Row& row_ : t.rows)
            if (row_.key == row && c) {
                row_.cells[*c].raw = r.own(text);
                auto parsed = parse_number(text);
                row_.cells[*c].value = parsed ? std::optional<Decimal>(parsed->value) : std::nullopt;
                return;
            }
    }
    throw std::runtime_error("no cell " + std::string(table) + "/" + std::string(row) + "/" + std::string(column));
}

}  // namespace fincheck::rulepacks::testing
