// The standard tables, mapped onto the canonical model of docs/table-model.md. What a table is
// called, which columns it has and how their headings are printed come from the templates
// (schemas/templates); how each layout is read is here. A table is recognised by its title
// wording and checked against its columns; printed numbers (公开NN表) are kept but never used
// to identify it, since Shanghai prints none.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "fincheck/number_text.hpp"
#include "fincheck/templates/template.hpp"
#include "importer.hpp"
#include "table_header.hpp"
#include "text_util.hpp"
#include "unique_keys.hpp"

namespace fincheck::import_detail {

namespace {

// ---- recognising a table ---------------------------------------------------------------

std::string title_core(std::string_view title) {
    std::string text = compact(title);
    std::size_t year_end = 0;
    if (find_fiscal_year(text, nullptr, &year_end)) text = text.substr(year_end);
    return text;
}

// ---- column vocabulary -----------------------------------------------------------------

struct Alias {
    std::string_view printed;  // as printed, spaces removed
    std::string_view key;      // canonical column key
};

struct TableModel {
    std::vector<std::string_view> columns;   // canonical order
    std::vector<std::string_view> required;  // a table lacking one of these is damaged
    std::vector<Alias> aliases;              // the longest printed match wins
};

// The importer's vocabulary of one table, from its template (schemas/templates).
TableModel model_of(const templates::Table& table) {
    TableModel model;
    for (const auto& column : table.columns) {
        model.columns.push_back(column.key);
        if (column.required) model.required.push_back(column.key);
        for (const auto& printed : column.printed) model.aliases.push_back({printed, column.key});
    }
    return model;
}

// Every canonical key printed in one header text, in order: two for a merged cell
// (「基本支出 项目支出」), none for a label heading.
std::vector<std::string_view> keys_in(std::string_view compact_text, const TableModel& model) {
    std::vector<std::string_view> keys;
    std::size_t pos = 0;
    while (pos < compact_text.size()) {
        const Alias* best = nullptr;
        for (const auto& alias : model.aliases)
            if (starts_with(compact_text.substr(pos), alias.printed) &&
                (!best || alias.printed.size() > best->printed.size()))
                best = &alias;
        if (!best) {
            std::size_t next = pos;
            next_code_point(compact_text, next);
            pos = next;
            continue;
        }
        if (std::find(keys.begin(), keys.end(), best->key) == keys.end()) keys.push_back(best->key);
        pos += best->printed.size();
    }
    return keys;
}

enum class Role : std::uint8_t { none, label, line_no, code, value };

struct PhysicalColumn {
    Role role = Role::none;
    std::vector<std::string_view> keys;  // for value columns; >1 when the header merged them
    std::string part;                    // income / expenditure for 01 and 04
    std::string header_text;             // the header text the keys came from
};

bool is_label_heading(std::string_view text) { return text == "项目" || text == "科目名称"; }
bool is_code_heading(std::string_view text) {
    return text == "类" || text == "款" || text == "项" || contains(text, "编码") ||
           contains(text, "代码") || contains(text, "分类");
}

PhysicalColumn classify(const std::vector<std::string>& path, const TableModel& model,
                        const std::vector<templates::Section>& sections) {
    PhysicalColumn column;
    for (const auto& element : path) {
        std::string text = compact(element);
        for (const auto& section : sections)
            if (text == section.heading) column.part = section.key;
    }
    // The deepest heading that says something decides: a sub-heading beats its group.
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        std::string text = compact(*it);
        if (text.empty() || all_digits(text) || text == "栏次") continue;
        if (text == "行次") { column.role = Role::line_no; return column; }
        if (is_label_heading(text)) { column.role = Role::label; return column; }
        auto keys = keys_in(text, model);
        if (!keys.empty()) {
            column.role = Role::value;
            column.keys = std::move(keys);
            column.header_text = *it;
            return column;
        }
        if (is_code_heading(text)) { column.role = Role::code; return column; }
    }
    return column;
}

// ---- rows ----------------------------------------------------------------------------

const std::string& cell_at(const RawRow& row, std::size_t column) {
    static const std::string empty;
    return column < row.cells.size() ? row.cells[column] : empty;
}

RowLevel level_for_code(std::string_view code) {
    switch (code.size()) {
        case 3: return RowLevel::class_;
        case 5: return RowLevel::item;
        case 7: return RowLevel::subitem;
        default: return RowLevel::none;
    }
}

struct PendingCell {
    std::string raw;
    SourceLine line = 0;
};

struct PendingRow {
    std::string key, code, label, line_no, part;
    RowLevel level = RowLevel::none;
    std::map<std::string_view, PendingCell> cells;  // by column key
    SourceLine line = 0;
};

struct Builder {
    const RawTable& raw;
    std::string_view id;
    const TableModel& model;
    const std::vector<templates::Section>& sections;
    const templates::Template& reading;
    Report& report;
    Diagnostics& diagnostics;
    std::vector<PendingRow> rows;
    std::map<std::string_view, Column> columns;  // by key

    void note_column(std::string_view key, const std::vector<std::string>& path, std::string_view number) {
        if (columns.count(key)) return;
        Column column;
        column.key = report.own(key);
        for (const auto& element : path)
            if (!all_digits(compact(element))) column.header.push_back(report.own(element));
        if (!number.empty() && all_digits(number) && number.size() <= 3)
            column.number = std::stoi(std::string(number));
        columns.emplace(key, std::move(column));
    }

    // Fills the cells of a value column into `row`, splitting a merged header's cell
    // when it holds exactly one number per merged column.
    void take_value(PendingRow& row, const PhysicalColumn& column, const std::string& text,
                    SourceLine line) {
        if (column.keys.size() == 1) {
            row.cells[column.keys[0]] = {text, line};
            return;
        }
        if (text.empty()) return;
        auto numbers = split_numbers(text);
        bool all_numbers = numbers.size() == column.keys.size() &&
                           std::all_of(numbers.begin(), numbers.end(),
                                       [](const std::string& n) { return parse_number(n).has_value(); });
        if (all_numbers) {
            for (std::size_t i = 0; i < numbers.size(); ++i) row.cells[column.keys[i]] = {numbers[i], line};
            return;
        }
        diagnostics.add("import-table-columns", "merged-header", line,
                        {{"table", std::string(id)}, {"cell", text}, {"header", column.header_text}},
                        id, row.key);
    }

    UniqueKeys keys;

    // The row's key, or, when a row already has it, the first free of key#2, key#3 …
    // (unique_keys.hpp). Every row that another row's key could collide with is keyed here.
    void unique_key(PendingRow& row) { row.key = keys.take(row.key); }

    void finish() {
        Table table = table_from_block(raw, id, TableKind::standard, report);
        std::vector<std::string_view> order;
        for (auto key : model.columns)
            if (columns.count(key)) order.push_back(key);
        for (auto key : order) table.columns.push_back(columns.at(key));
        for (auto& pending : rows) {
            Row row;
            row.key = report.own(pending.key);
            row.code = report.own(pending.code);
            row.label = report.own(pending.label);
            row.line_no = report.own(pending.line_no);
            row.part = report.own(pending.part);
            row.level = pending.level;
            row.line = pending.line;
            for (auto key : order) {
                auto it = pending.cells.find(key);
                if (it == pending.cells.end()) row.cells.push_back(make_cell({}, pending.line, report));
                else row.cells.push_back(make_cell(it->second.raw, it->second.line, report));
            }
            table.rows.push_back(std::move(row));
        }
        report.tables.push_back(std::move(table));
    }
};

std::vector<PhysicalColumn> classify_all(const TableHeader& header, const TableModel& model,
                                         const std::vector<templates::Section>& sections) {
    std::vector<PhysicalColumn> columns;
    for (const auto& path : header.path) columns.push_back(classify(path, model, sections));
    // A last heading that runs into trailing empty fields covers them too; an amount column
    // without sub-headings is one column, so only its first field keeps the key.
    for (std::size_t c = columns.size(); c-- > 1;)
        if (columns[c].role == Role::value && columns[c - 1].role == Role::value &&
            columns[c].keys == columns[c - 1].keys && header.path[c] == header.path[c - 1])
            columns[c] = PhysicalColumn{};
    return columns;
}

// When the header prints its names one column off the 栏次 numbers (the data follow the
// 栏次 row), the names are moved onto the numbered columns. Only a uniform shift with the
// same count on both sides is repaired; anything else is left as printed.
void align_on_column_numbers(std::vector<PhysicalColumn>& columns, TableHeader& header,
                             std::string_view id, Diagnostics& diagnostics) {
    if (!header.has_numbers) return;
    std::vector<std::size_t> valued, numbered;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].role == Role::value) valued.push_back(c);
        if (!header.numbers[c].empty()) numbered.push_back(c);
    }
    if (valued == numbered || valued.size() != numbered.size() || valued.empty()) return;
    std::ptrdiff_t shift = static_cast<std::ptrdiff_t>(numbered[0]) - static_cast<std::ptrdiff_t>(valued[0]);
    for (std::size_t i = 0; i < valued.size(); ++i)
        if (static_cast<std::ptrdiff_t>(numbered[i]) - static_cast<std::ptrdiff_t>(valued[i]) != shift) return;
    std::vector<PhysicalColumn> moved(columns.size());
    std::vector<std::vector<std::string>> moved_paths(header.path.size());
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].role != Role::value) { moved[c] = columns[c]; moved_paths[c] = header.path[c]; }
    for (std::size_t i = 0; i < valued.size(); ++i) {
        moved[numbered[i]] = columns[valued[i]];
        moved_paths[numbered[i]] = header.path[valued[i]];
    }
    columns = std::move(moved);
    header.path = std::move(moved_paths);
    diagnostics.add("import-table-columns", "header-shifted", header.numbers_line,
                    {{"table", std::string(id)}}, id, {}, Severity::info);
}

void report_stray_numbers(const RawRow& row, const std::vector<PhysicalColumn>& columns,
                          std::size_t from, std::string_view id, std::string_view key,
                          Diagnostics& diagnostics) {
    for (std::size_t c = from; c < row.cells.size(); ++c) {
        const auto& cell = row.cells[c];
        if (cell.empty() || (c < columns.size() && columns[c].role == Role::value)) continue;
        if (!parse_number(cell)) continue;
        if (c < columns.size() && columns[c].role == Role::line_no) continue;
        diagnostics.add("import-table-columns", "value-outside-columns", row.line,
                        {{"table", std::string(id)}, {"cell", cell}, {"column", std::to_string(c + 1)}},
                        id, key);
    }
}

// ---- coded tables: 02, 03, 05, 07, 08 -------------------------------------------------

bool build_coded(Builder& b, TableHeader& header, std::vector<PhysicalColumn>& columns) {
    std::size_t value_start = columns.size();
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].role == Role::value) { value_start = c; break; }
    if (value_start == columns.size()) return false;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].role == Role::value)
            for (std::size_t k = 0; k < columns[c].keys.size(); ++k) {
                auto numbers = split_numbers(header.numbers[c]);
                b.note_column(columns[c].keys[k], header.path[c],
                              k < numbers.size() ? std::string_view(numbers[k]) : std::string_view());
            }

    bool has_total = false;
    for (std::size_t r = header.rows; r < b.raw.rows.size(); ++r) {
        const RawRow& row = b.raw.rows[r];
        if (row.empty()) continue;
        PendingRow pending;
        pending.line = row.line;
        std::string stray;
        for (std::size_t c = 0; c < value_start && c < row.cells.size(); ++c) {
            std::string text = compact(row.cells[c]);
            if (text.empty() || text == "类" || text == "款" || text == "项" || text == "栏次") continue;
            if (all_digits(text) && (text.size() >= 3 || (!pending.code.empty() && text.size() == 2))) {
                pending.code += text;
            } else if (looks_like_amount(row.cells[c]) || parse_number(row.cells[c])) {
                stray = row.cells[c];
            } else if (pending.label.empty()) {
                std::string_view label = trim(row.cells[c]);
                // 「2013101 行政运行」: a code and its name in one cell.
                std::size_t digits = digit_prefix(label);
                if (pending.code.empty() && digits >= 3 && digits < label.size() && label[digits] == ' ') {
                    pending.code = std::string(label.substr(0, digits));
                    label = trim(label.substr(digits));
                }
                pending.label = tidy_spaces(label);
            }
        }
        bool has_values = false;
        for (std::size_t c = value_start; c < row.cells.size(); ++c)
            if (!row.cells[c].empty()) has_values = true;
        // The first row below a header whose last line opens with 合计 (the Shanghai fund
        // tables print the total's label beside the sub-headers of 本年支出): that total's amounts.
        if (pending.code.empty() && pending.label.empty() && has_values && stray.empty() && !has_total &&
            !header.total_rows.empty() && r == header.rows)
            pending.label = "合计";
        if (pending.code.empty() && pending.label.empty()) {
            if (has_values || !stray.empty()) {
                std::string shown = stray;
                for (std::size_t c = value_start; shown.empty() && c < row.cells.size(); ++c) shown = row.cells[c];
                b.diagnostics.add("import-unreadable-line", "row-without-label", row.line,
                                  {{"table", std::string(b.id)}, {"cell", shown}}, b.id);
            }
            continue;
        }
        std::string label_key = compact(pending.label);
        if (!pending.code.empty()) {
            pending.key = pending.code;
            pending.level = level_for_code(pending.code);
        } else if (is_total_label(label_key)) {
            pending.key = "合计";
            pending.level = RowLevel::total;
            has_total = true;
        } else {
            pending.key = key_from_label(pending.label);
            if (label_key == "小计") pending.level = RowLevel::subtotal;
        }
        b.unique_key(pending);
        if (!stray.empty())
            b.diagnostics.add("import-table-columns", "value-outside-columns", row.line,
                              {{"table", std::string(b.id)}, {"cell", stray}, {"column", "0"}}, b.id, pending.key);
        for (std::size_t c = value_start; c < columns.size(); ++c)
            if (columns[c].role == Role::value) b.take_value(pending, columns[c], cell_at(row, c), row.line);
        report_stray_numbers(row, columns, value_start, b.id, pending.key, b.diagnostics);
        b.rows.push_back(std::move(pending));
    }
    // A total row printed inside the header (Shanghai fund tables) exists without amounts.
    if (!has_total && !header.total_rows.empty()) {
        PendingRow total;
        total.key = "合计";
        total.label = "合计";
        total.level = RowLevel::total;
        total.line = header.total_rows.front();
        b.rows.insert(b.rows.begin(), std::move(total));
    }
    return true;
}

// ---- split tables: 01 and 04 -----------------------------------------------------------

bool is_fund_name(std::string_view name) {
    return name == "一般公共预算财政拨款" || name == "政府性基金预算财政拨款" ||
           name == "国有资本经营预算财政拨款";
}

bool build_split(Builder& b, TableHeader& header, std::vector<PhysicalColumn>& columns) {
    // Halves by the 收入 / 支出 group headings; without them, the second 项目 column starts
    // the expenditure half.
    const std::string& first = b.sections[0].key;
    const std::string& second = b.sections[1].key;
    bool any_part = std::any_of(columns.begin(), columns.end(), [](const auto& c) { return !c.part.empty(); });
    if (!any_part) {
        int labels = 0;
        for (auto& column : columns) {
            if (column.role == Role::label) ++labels;
            column.part = labels >= 2 ? second : first;
        }
    }
    struct Half {
        std::string part;
        std::optional<std::size_t> label, line_no;
        std::vector<std::size_t> values;
    };
    std::array<Half, 2> halves{Half{first, {}, {}, {}}, Half{second, {}, {}, {}}};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        auto& column = columns[c];
        Half* half = column.part == first ? &halves[0] : column.part == second ? &halves[1] : nullptr;
        if (!half) continue;
        if (column.role == Role::label && !half->label) half->label = c;
        if (column.role == Role::line_no && !half->line_no) half->line_no = c;
        if (column.role == Role::value) {
            half->values.push_back(c);
            for (std::size_t k = 0; k < column.keys.size(); ++k) {
                auto numbers = split_numbers(header.numbers[c]);
                b.note_column(column.keys[k], header.path[c],
                              k < numbers.size() ? std::string_view(numbers[k]) : std::string_view());
            }
        }
    }
    if (!halves[0].label || !halves[1].label || halves[0].values.empty() || halves[1].values.empty())
        return false;

    for (const auto& half : halves) {
        std::string context;  // 年初结转和结余/ or 年末结转和结余/ once that row is passed (04)
        for (std::size_t r = header.rows; r < b.raw.rows.size(); ++r) {
            const RawRow& row = b.raw.rows[r];
            if (row.empty()) continue;
            const std::string& label = cell_at(row, *half.label);
            bool has_values = false;
            for (auto c : half.values) has_values |= !cell_at(row, c).empty();
            if (label.empty()) {
                if (has_values) {
                    std::string shown;
                    for (auto c : half.values) if (shown.empty()) shown = cell_at(row, c);
                    b.diagnostics.add("import-unreadable-line", "row-without-label", row.line,
                                      {{"table", std::string(b.id)}, {"cell", shown}}, b.id);
                }
                continue;
            }
            PendingRow pending;
            pending.line = row.line;
            pending.part = half.part;
            pending.label = tidy_spaces(label);
            if (half.line_no) pending.line_no = cell_at(row, *half.line_no);
            std::string name = key_from_label(label);
            if (starts_with(name, "年初") && contains(name, "结转和结余")) context = "年初结转和结余/";
            if (starts_with(name, "年末") && contains(name, "结转和结余")) context = "年末结转和结余/";
            // The expenditure half prints functional classes by name only.
            const templates::Code* code_entry =
                &half == &halves[1] ? b.reading.functional_class_named(name) : nullptr;
            std::string_view code = code_entry ? std::string_view(code_entry->code) : std::string_view();
            if (!code.empty()) {
                pending.code = std::string(code);
                pending.key = half.part + "/" + pending.code;
                pending.level = RowLevel::class_;
            } else {
                std::string scoped = (!context.empty() && is_fund_name(name)) ? context + name : name;
                pending.key = half.part + "/" + scoped;
                if (name == "总计") pending.level = RowLevel::total;
                else if (ends_with(name, "合计")) pending.level = RowLevel::subtotal;
            }
            b.unique_key(pending);
            for (auto c : half.values) b.take_value(pending, columns[c], cell_at(row, c), row.line);
            b.rows.push_back(std::move(pending));
        }
    }
    return true;
}

// ---- 06: economic codes printed in side-by-side groups -----------------------------------

bool build_basic_detail(Builder& b, TableHeader& header) {
    struct Group {
        std::size_t begin = 0, end = 0;
        std::optional<std::size_t> name, value;
    };
    // A group starts at the first of its code columns (科目代码, or 经济分类/科目编码 over
    // 类 | 款 when the code is printed in two columns).
    auto is_code_column = [&](std::size_t c) {
        for (const auto& element : header.path[c]) {
            std::string text = compact(element);
            if (contains(text, "经济分类") || contains(text, "科目代码") || contains(text, "科目编码")) return true;
        }
        return false;
    };
    std::vector<Group> groups;
    for (std::size_t c = 0; c < header.path.size(); ++c) {
        if (is_code_column(c) && (c == 0 || !is_code_column(c - 1))) groups.push_back({c, c + 1, {}, {}});
        else if (!groups.empty()) groups.back().end = c + 1;
    }
    for (auto& group : groups)
        for (std::size_t c = group.begin; c < group.end; ++c)
            for (const auto& element : header.path[c]) {
                std::string text = compact(element);
                if (text == "科目名称" && !group.name) group.name = c;
                if ((text == "决算数" || text == "金额") && !group.value) group.value = c;
            }
    if (groups.empty()) return false;
    for (const auto& group : groups)
        if (!group.name || !group.value) return false;
    b.note_column("决算数", header.path[*groups.front().value], header.numbers[*groups.front().value]);

    std::vector<std::vector<PendingRow>> by_group(groups.size());
    std::vector<PendingRow> totals;
    for (std::size_t r = header.rows; r < b.raw.rows.size(); ++r) {
        const RawRow& row = b.raw.rows[r];
        if (row.empty()) continue;
        // 人员经费合计 / 公用经费合计: a merged label cell; its amount is the number between
        // it and the next label (the Wuhan print puts 公用经费合计's under the third group).
        std::vector<std::size_t> total_labels;
        for (std::size_t c = 0; c < row.cells.size(); ++c)
            if (ends_with(compact(row.cells[c]), "合计")) total_labels.push_back(c);
        if (!total_labels.empty()) {
            for (std::size_t t = 0; t < total_labels.size(); ++t) {
                std::size_t from = total_labels[t] + 1;
                std::size_t to = t + 1 < total_labels.size() ? total_labels[t + 1] : row.cells.size();
                std::vector<std::size_t> numbers;
                for (std::size_t c = from; c < to; ++c)
                    if (!row.cells[c].empty()) numbers.push_back(c);
                PendingRow total;
                total.label = tidy_spaces(row.cells[total_labels[t]]);
                total.key = compact(total.label);
                total.level = RowLevel::total;
                total.line = row.line;
                if (numbers.size() == 1) {
                    total.cells["决算数"] = {row.cells[numbers[0]], row.line};
                } else if (numbers.size() > 1) {
                    b.diagnostics.add("import-unreadable-line", "total-ambiguous", row.line,
                                      {{"table", std::string(b.id)}, {"label", total.label}}, b.id, total.key);
                }
                totals.push_back(std::move(total));
            }
            continue;
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const Group& group = groups[g];
            PendingRow pending;
            pending.line = row.line;
            for (std::size_t c = group.begin; c < *group.name; ++c) {
                std::string text = compact(cell_at(row, c));
                if (all_digits(text)) pending.code += text;
            }
            pending.label = tidy_spaces(cell_at(row, *group.name));
            const std::string& value = cell_at(row, *group.value);
            if (pending.code.empty() && pending.label.empty()) {
                if (!value.empty())
                    b.diagnostics.add("import-unreadable-line", "row-without-label", row.line,
                                      {{"table", std::string(b.id)}, {"cell", value}}, b.id);
                continue;
            }
            pending.key = pending.code.empty() ? key_from_label(pending.label) : pending.code;
            pending.level = pending.code.size() == 3 ? RowLevel::class_
                            : pending.code.size() == 5 ? RowLevel::item : RowLevel::none;
            pending.cells["决算数"] = {value, row.line};
            by_group[g].push_back(std::move(pending));
        }
    }
    for (auto& group_rows : by_group)
        for (auto& pending : group_rows) {
            b.unique_key(pending);
            b.rows.push_back(std::move(pending));
        }
    for (auto& total : totals) {
        b.unique_key(total);
        b.rows.push_back(std::move(total));
    }
    return true;
}

// ---- 09: the 三公 table -------------------------------------------------------------------

std::string_view sangong_category(const std::vector<std::string>& path) {
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        std::string text = compact(*it);
        if (text.empty() || all_digits(text) || text == "预算数" || text == "决算数" || contains(text, "三公"))
            continue;
        if (text == "小计") {
            // 小计 under 公务用车购置及运行费
            for (auto up = it + 1; up != path.rend(); ++up)
                if (contains(compact(*up), "购置及运行")) return "公务用车购置及运行费";
            continue;
        }
        if (contains(text, "购置及运行")) return "公务用车购置及运行费";
        if (contains(text, "购置")) return "公务用车购置费";
        if (contains(text, "运行")) return "公务用车运行费";
        if (contains(text, "出国")) return "因公出国（境）费";
        if (contains(text, "接待")) return "公务接待费";
        if (text == "合计") return "合计";
    }
    return {};
}

bool build_sangong(Builder& b, TableHeader& header) {
    std::vector<std::string_view> column_keys(header.path.size());
    for (std::size_t c = 0; c < header.path.size(); ++c) {
        std::string_view stage;
        for (const auto& element : header.path[c]) {
            std::string text = compact(element);
            if (text == "预算数") stage = "预算数";
            if (text == "决算数") stage = "决算数";
        }
        std::string_view category = sangong_category(header.path[c]);
        if (stage.empty() || category.empty()) continue;
        std::string key = std::string(stage) + "/" + std::string(category);
        for (auto known : b.model.columns)
            if (known == key) column_keys[c] = known;
        if (!column_keys[c].empty()) b.note_column(column_keys[c], header.path[c], header.numbers[c]);
    }
    if (b.columns.size() < 6) return false;

    PendingRow total;
    total.key = "合计";
    total.label = "合计";
    total.level = RowLevel::total;
    total.line = b.raw.rows.empty() ? b.raw.line : b.raw.rows.back().line;
    for (std::size_t r = header.rows; r < b.raw.rows.size(); ++r) {
        const RawRow& row = b.raw.rows[r];
        total.line = row.line;
        if (row.empty()) continue;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (c < column_keys.size() && !column_keys[c].empty()) {
                total.cells[column_keys[c]] = {row.cells[c], row.line};
            } else if (!row.cells[c].empty()) {
                b.diagnostics.add("import-table-columns", "value-outside-columns", row.line,
                                  {{"table", std::string(b.id)}, {"cell", row.cells[c]}, {"column", std::to_string(c + 1)}},
                                  b.id, "合计");
            }
        }
        break;
    }
    b.rows.push_back(std::move(total));
    return true;
}

}  // namespace

std::optional<std::string_view> standard_table_id(std::string_view title, const templates::Template& reading) {
    std::string core = title_core(title);
    if (!ends_with(core, "表")) return std::nullopt;
    return reading.table_for_title(core);
}

bool build_standard_table(const RawTable& raw, const templates::Table& table, const templates::Template& reading,
                          Report& report, Diagnostics& diagnostics) {
    std::string_view id = table.id;
    const TableModel model = model_of(table);
    TableHeader header = read_header(raw.rows);
    if (header.rows == 0) return false;
    const RawTable body = without_repeated_headers(raw, header);
    std::vector<Finding> scratch;  // diagnostics of an attempt that is then abandoned
    Diagnostics attempt(scratch);
    Builder builder{body, id, model, table.sections, reading, report, attempt, {}, {}, {}};
    bool built = false;
    if (table.layout == templates::Layout::economic_groups) {
        built = build_basic_detail(builder, header);
    } else if (table.layout == templates::Layout::three_public) {
        built = build_sangong(builder, header);
    } else {
        auto columns = classify_all(header, builder.model, table.sections);
        align_on_column_numbers(columns, header, id, attempt);
        built = table.layout == templates::Layout::two_halves ? build_split(builder, header, columns)
                                                              : build_coded(builder, header, columns);
    }
    if (!built) return false;
    std::size_t found = 0;
    for (auto key : builder.model.required) found += builder.columns.count(key);
    if (!builder.model.required.empty() && found * 2 < builder.model.required.size()) return false;
    for (auto key : builder.model.required)
        if (!builder.columns.count(key))
            attempt.add("import-table-columns", "missing-column", raw.line,
                        {{"table", std::string(id)}, {"column", std::string(key)}}, id);
    builder.finish();
    diagnostics.take(scratch);
    return true;
}

}  // namespace fincheck::import_detail
