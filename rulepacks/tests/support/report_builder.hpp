// Builds Report objects in test code: tables, columns and rows with printed cell text.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/number_text.hpp"
#include "fincheck/report.hpp"

namespace fincheck::rulepacks::testing {

class TableBuilder {
public:
    TableBuilder(Report& report, std::size_t index) : report_(report), index_(index) {}

    // cells: printed text per column; "" is a blank cell.
    TableBuilder& row(std::string_view key, std::initializer_list<std::string_view> cells,
                      std::string_view code = {}, std::string_view part = {}, std::string_view label = {}) {
        Table& t = report_.tables[index_];
        Row& r = t.rows.emplace_back();
        r.key = report_.own(key);
        r.code = report_.own(code);
        r.part = report_.own(part);
        r.label = report_.own(label.empty() ? (code.empty() ? key : std::string_view{}) : label);
        if (r.label.empty()) r.label = r.key;
        r.line = static_cast<SourceLine>(100 * (index_ + 1) + t.rows.size());
        if (key == "合计" || key.ends_with("合计") || key.ends_with("总计")) r.level = RowLevel::total;
        else if (code.size() == 3) r.level = RowLevel::class_;
        else if (code.size() == 5) r.level = RowLevel::item;
        else if (code.size() == 7) r.level = RowLevel::subitem;
        for (std::string_view text : cells) {
            Cell& c = r.cells.emplace_back();
            c.raw = report_.own(text);
            if (auto parsed = parse_number(text)) c.value = parsed->value;
            c.line = r.line;
        }
        r.cells.resize(t.columns.size());
        return *this;
    }

    TableBuilder& blank_row(std::string_view key, std::string_view code = {}, std::string_view part = {}) {
        return row(key, {}, code, part);
    }

private:
    Report& report_;
    std::size_t index_;
};

// `columns`: the column keys in order (any range of things convertible to std::string_view).
template <class Keys>
TableBuilder add_table_with(Report& report, std::string_view id, const Keys& columns,
                            TableKind kind = TableKind::standard) {
    Table& t = report.tables.emplace_back();
    t.id = report.own(id);
    t.kind = kind;
    t.title = t.id;
    int number = 1;
    for (std::string_view key : columns) {
        Column& c = t.columns.emplace_back();
        c.key = report.own(key);
        c.number = number++;
    }
    return TableBuilder(report, report.tables.size() - 1);
}

inline TableBuilder add_table(Report& report, std::string_view id, std::initializer_list<std::string_view> columns,
                              TableKind kind = TableKind::standard) {
    return add_table_with(report, id, columns, kind);
}

}  // namespace fincheck::rulepacks::testing
