#include "printed_tables.hpp"

#include <algorithm>
#include <string>

namespace fincheck::gen::pdf {
namespace {

// Amount columns as narrow as published tables print them: a heading or 栏次 number centred
// over a column then overlaps its right-aligned amounts, which is how the reader matches them.
constexpr double kValueWidth = 38;
constexpr double kCodeWidth = 24;
constexpr double kLineNoWidth = 24;

std::string raw(const Row& row, std::size_t column) {
    const Cell* cell = row.cell(column);
    return cell ? std::string(cell->raw) : std::string();
}

PrintedColumn label_column() {
    return {0, 1, Align::left, false};
}
PrintedColumn value_column() {
    return {kValueWidth, 1, Align::right, true};
}

bool any_line_numbers(const Table& table) {
    return std::any_of(table.rows.begin(), table.rows.end(),
                       [](const Row& r) { return !r.line_no.empty(); });
}

// Header rows from the columns' header paths: a heading shared by consecutive columns spans
// them (预算数 over 合计 … 公务接待费), a path shorter than the deepest one repeats its
// last heading lower down.
std::vector<std::vector<HeaderCell>> value_headers(const std::vector<Column>& columns,
                                                   std::size_t first, std::size_t count) {
    std::size_t depth = 1;
    for (std::size_t c = first; c < first + count; ++c)
        depth = std::max(depth, columns[c].header.size());
    std::vector<std::vector<HeaderCell>> rows(depth);
    for (std::size_t level = 0; level < depth; ++level) {
        for (std::size_t c = first; c < first + count; ++c) {
            const std::vector<std::string_view>& path = columns[c].header;
            const bool deepest = level + 1 == depth;
            std::string text;
            if (level < path.size() && (deepest || level + 1 < path.size()))
                text = std::string(path[level]);
            if (deepest && path.size() < depth && !path.empty()) text = std::string(path.back());
            if (!deepest && !text.empty() && !rows[level].empty() && c > first &&
                level < columns[c - 1].header.size() &&
                columns[c - 1].header[level] == path[level] && rows[level].back().text == text) {
                ++rows[level].back().span;
                continue;
            }
            rows[level].push_back({text, 1});
        }
    }
    return rows;
}

std::vector<std::string> numbers_row(const std::vector<Column>& columns, std::size_t first,
                                     std::size_t count) {
    std::vector<std::string> numbers;
    for (std::size_t c = first; c < first + count; ++c)
        numbers.push_back(columns[c].number > 0 ? std::to_string(columns[c].number)
                                                : std::string());
    return numbers;
}

void append(std::vector<HeaderCell>& to, const std::vector<HeaderCell>& cells) {
    to.insert(to.end(), cells.begin(), cells.end());
}

// ---- 02, 03, 05, 07, 08: 类 | 款 | 项 | 科目名称 | amounts -------------------------------

PrintPlan coded_table(const Table& t) {
    PrintPlan plan;
    PrintedTable& p = plan.table;
    const std::size_t n = t.columns.size();
    p.columns = {{kCodeWidth, 1, Align::left, false},
                 {kCodeWidth, 1, Align::left, false},
                 {kCodeWidth, 1, Align::left, false},
                 label_column()};
    for (std::size_t c = 0; c < n; ++c) p.columns.push_back(value_column());
    const auto headers = value_headers(t.columns, 0, n);
    p.header.push_back({{"项目", 4}});
    append(p.header.back(), headers.front());
    p.header.push_back({{"功能分类科目编码", 3}, {"科目名称", 1}});
    for (std::size_t level = 1; level < headers.size(); ++level)
        append(p.header.back(), headers[level]);
    if (headers.size() == 1) p.header.back().push_back({"", static_cast<int>(n)});
    std::vector<HeaderCell> numbers{{"类", 1}, {"款", 1}, {"项", 1}, {"栏次", 1}};
    for (const std::string& number : numbers_row(t.columns, 0, n)) numbers.push_back({number, 1});
    p.header.push_back(numbers);
    for (const Row& row : t.rows) {
        const std::string code(row.code);
        std::vector<std::string> cells{code.substr(0, 3), code.size() > 3 ? code.substr(3, 2) : "",
                                       code.size() > 5 ? code.substr(5) : "",
                                       std::string(row.label)};
        for (std::size_t c = 0; c < n; ++c) cells.push_back(raw(row, c));
        p.body.push_back(std::move(cells));
    }
    return plan;
}

// ---- side by side: 01, 04 (income | expenditure), 06 (人员经费 | 公用经费) ---------------

struct Half {
    std::vector<const Row*> items;  // rows before the first total
    std::vector<const Row*> tail;   // totals and the rows under them, aligned at the bottom
};

Half half_of(const Table& t, auto&& belongs) {
    Half half;
    for (const Row& row : t.rows) {
        if (!belongs(row)) continue;
        if (row.level == RowLevel::total || !half.tail.empty())
            half.tail.push_back(&row);
        else
            half.items.push_back(&row);
    }
    return half;
}

struct HalfColumns {
    bool code = false;
    bool line_no = false;
    std::size_t first = 0;  // value columns of the Table printed in this half
    std::size_t count = 0;
};

std::size_t width_of(const HalfColumns& h) {
    return (h.code ? 1 : 0) + 1 + (h.line_no ? 1 : 0) + h.count;
}

void half_cells(std::vector<std::string>& cells, const Row* row, const HalfColumns& h) {
    if (h.code) cells.push_back(row ? std::string(row->code) : "");
    cells.push_back(row ? std::string(row->label) : "");
    if (h.line_no) cells.push_back(row ? std::string(row->line_no) : "");
    for (std::size_t c = h.first; c < h.first + h.count; ++c)
        cells.push_back(row ? raw(*row, c) : "");
}

void half_columns(PrintedTable& p, const HalfColumns& h) {
    if (h.code) p.columns.push_back({2 * kCodeWidth, 1, Align::left, false});
    p.columns.push_back(label_column());
    if (h.line_no) p.columns.push_back({kLineNoWidth, 1, Align::centre, false});
    for (std::size_t c = 0; c < h.count; ++c) p.columns.push_back(value_column());
}

void zip_halves(PrintedTable& p, const Half& a, const HalfColumns& ha, const Half& b,
                const HalfColumns& hb) {
    auto zip = [&](const std::vector<const Row*>& left, const std::vector<const Row*>& right) {
        for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
            std::vector<std::string> cells;
            half_cells(cells, i < left.size() ? left[i] : nullptr, ha);
            half_cells(cells, i < right.size() ? right[i] : nullptr, hb);
            p.body.push_back(std::move(cells));
        }
    };
    zip(a.items, b.items);
    zip(a.tail, b.tail);
}

std::vector<HeaderCell> half_names(const HalfColumns& h, std::string_view value_heading) {
    std::vector<HeaderCell> row;
    if (h.code) row.push_back({"科目代码", 1});
    row.push_back({h.code ? "科目名称" : "项目", 1});
    if (h.line_no) row.push_back({"行次", 1});
    row.push_back({std::string(value_heading), static_cast<int>(h.count)});
    return row;
}

PrintPlan income_expenditure(const Table& t) {
    PrintPlan plan;
    plan.side_by_side = true;
    PrintedTable& p = plan.table;
    p.keep_together = true;
    const bool line_no = any_line_numbers(t);
    const HalfColumns income{false, line_no, 0, 1};
    const HalfColumns spending{false, line_no, 0, t.columns.size()};
    half_columns(p, income);
    half_columns(p, spending);
    p.header.push_back({{"收入", static_cast<int>(width_of(income))},
                        {"支出", static_cast<int>(width_of(spending))}});
    const auto headers = value_headers(t.columns, 0, t.columns.size());
    const std::string heading =
        headers.size() > 1 ? headers.front().front().text : std::string(t.columns[0].header.back());
    const std::string income_heading =
        t.columns[0].header.empty() ? "决算数" : std::string(t.columns[0].header.front());
    std::vector<HeaderCell> names = half_names(income, income_heading);
    append(names, half_names(spending, heading));
    p.header.push_back(names);
    if (headers.size() > 1) {
        std::vector<HeaderCell> leaves{{"", static_cast<int>(width_of(income))},
                                       {"", line_no ? 2 : 1}};
        append(leaves, headers.back());
        p.header.push_back(leaves);
    }
    const Half in = half_of(t, [](const Row& r) { return r.part == "income"; });
    const Half out = half_of(t, [](const Row& r) { return r.part != "income"; });
    zip_halves(p, in, income, out, spending);
    return plan;
}

bool personnel_code(std::string_view code) {
    return code.starts_with("301") || code.starts_with("303");
}

PrintPlan economic_halves(const Table& t) {
    PrintPlan plan;
    plan.side_by_side = true;
    PrintedTable& p = plan.table;
    const HalfColumns half{true, false, 0, t.columns.size()};
    half_columns(p, half);
    half_columns(p, half);
    p.header.push_back({{"人员经费", static_cast<int>(width_of(half))},
                        {"公用经费", static_cast<int>(width_of(half))}});
    const std::string heading(t.columns[0].header.empty() ? "决算数" : t.columns[0].header.back());
    std::vector<HeaderCell> names = half_names(half, heading);
    append(names, half_names(half, heading));
    p.header.push_back(names);
    // A total belongs to the half it sums: 人员经费合计 left, 公用经费合计 right.
    const Half people = half_of(t, [](const Row& r) {
        return r.code.empty() ? r.label.starts_with("人员") : personnel_code(r.code);
    });
    const Half rest = half_of(t, [](const Row& r) {
        return r.code.empty() ? !r.label.starts_with("人员") : !personnel_code(r.code);
    });
    zip_halves(p, people, half, rest, half);
    return plan;
}

// ---- anything else: label (when printed) and value columns -----------------------------

PrintPlan plain_table(const Table& t) {
    PrintPlan plan;
    PrintedTable& p = plan.table;
    // 09 prints its one row of amounts under the 栏次 numbers without a label column.
    const bool labels = t.id != "09" && std::any_of(t.rows.begin(), t.rows.end(),
                                                    [](const Row& r) { return !r.label.empty(); });
    const std::size_t n = t.columns.size();
    if (labels) p.columns.push_back(label_column());
    for (std::size_t c = 0; c < n; ++c) p.columns.push_back(value_column());
    const auto headers = value_headers(t.columns, 0, n);
    for (std::size_t level = 0; level < headers.size(); ++level) {
        std::vector<HeaderCell> row;
        if (labels) row.push_back({level == 0 ? "项目" : "", 1});
        append(row, headers[level]);
        p.header.push_back(row);
    }
    if (std::any_of(t.columns.begin(), t.columns.end(),
                    [](const Column& c) { return c.number > 0; })) {
        std::vector<HeaderCell> row;
        if (labels) row.push_back({"栏次", 1});
        for (const std::string& number : numbers_row(t.columns, 0, n)) row.push_back({number, 1});
        p.header.push_back(row);
    }
    for (const Row& row : t.rows) {
        std::vector<std::string> cells;
        if (labels) cells.push_back(std::string(row.label));
        for (std::size_t c = 0; c < n; ++c) cells.push_back(raw(row, c));
        p.body.push_back(std::move(cells));
    }
    return plan;
}

// ---- attachment forms (绩效自评表, 汇总表) ------------------------------------------------
// Printed as the published forms are: a 序号 column numbering the rows when they are
// numbered (合计 in it on the total row), else a 项目 column naming them when their names are
// not among the cells; every other column under its own heading, text centred in columns
// wide enough for a phrase, amounts right-aligned. No heading path: a form's header is one row.

constexpr double kFormNumberWidth = 28;
constexpr double kFormAmountWidth = 64;

bool amount_column(const Table& t, std::size_t column) {
    bool any = false;
    for (const Row& row : t.rows) {
        const Cell* cell = row.cell(column);
        if (!cell || cell->raw.empty()) continue;
        if (!cell->value) return false;
        any = true;
    }
    return any;
}

bool label_among_cells(const Row& row) {
    return std::any_of(row.cells.begin(), row.cells.end(), [&](const Cell& c) { return c.raw == row.label; });
}

PrintPlan form_table(const Table& t) {
    PrintPlan plan;
    PrintedTable& p = plan.table;
    const bool numbered = any_line_numbers(t);
    const bool named = !numbered && !std::all_of(t.rows.begin(), t.rows.end(), label_among_cells);
    std::vector<HeaderCell> header;
    if (numbered) {
        p.columns.push_back({kFormNumberWidth, 1, Align::centre, false});
        header.push_back({"序号", 1});
    } else if (named) {
        p.columns.push_back({0, 1, Align::centre, false});
        header.push_back({"项目", 1});
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const bool amounts = amount_column(t, c);
        p.columns.push_back(amounts ? PrintedColumn{kFormAmountWidth, 1, Align::right, true}
                                    : PrintedColumn{0, 1, Align::centre, false});
        std::string heading;
        for (std::string_view piece : t.columns[c].header) heading += piece;
        header.push_back({heading, 1});
    }
    p.header.push_back(std::move(header));
    for (const Row& row : t.rows) {
        std::vector<std::string> cells;
        if (numbered) cells.push_back(std::string(row.line_no.empty() ? row.label : row.line_no));
        else if (named) cells.push_back(std::string(row.label));
        for (std::size_t c = 0; c < t.columns.size(); ++c) cells.push_back(raw(row, c));
        p.body.push_back(std::move(cells));
    }
    return plan;
}

}  // namespace

PrintPlan plan_table(const Table& table) {
    if (table.kind == TableKind::attachment_form) return form_table(table);
    if (table.id == "01" || table.id == "04") return income_expenditure(table);
    if (table.id == "06") return economic_halves(table);
    if (table.id == "02" || table.id == "03" || table.id == "05" || table.id == "07" ||
        table.id == "08")
        return coded_table(table);
    return plain_table(table);
}

}  // namespace fincheck::gen::pdf
