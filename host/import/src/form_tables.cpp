// Attachment forms and other tables: kept as printed (HTML stripped), columns keyed by
// header text, plus the labelled fields of the performance self-evaluation forms.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "fincheck/number_text.hpp"
#include "fincheck/text/bytes.hpp"
#include "importer.hpp"
#include "table_header.hpp"
#include "text_util.hpp"
#include "unique_keys.hpp"

namespace fincheck::import_detail {

Table table_from_block(const RawTable& raw, std::string_view id, TableKind kind, Report& report) {
    Table table;
    table.id = report.own(id);
    table.kind = kind;
    table.title = report.own(raw.title);
    table.code = report.own(raw.code);
    table.department = report.own(raw.department);
    table.unit = report.own(raw.unit);
    table.note = report.own(raw.note);
    table.section = raw.section;
    table.attachment = raw.attachment;
    table.line = raw.line;
    return table;
}

bool RawRow::empty() const {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

Cell make_cell(std::string_view raw, SourceLine line, Report& report) {
    Cell cell;
    cell.raw = raw.empty() ? std::string_view() : report.own(raw);
    if (auto parsed = parse_number(raw)) cell.value = parsed->value;
    cell.line = line;
    return cell;
}

namespace {

bool ends_sentence(std::string_view text) {
    return ends_with(text, "。") || ends_with(text, "；") || ends_with(text, "！") || ends_with(text, "？");
}

// A row continued across a page break: after a blank line, one non-empty cell under a
// column whose text in the previous row stops mid-sentence. Anything less certain stays a row.
bool continues_previous(const RawRow& row, const RawRow& previous) {
    if (!row.after_break || row.cells.empty() || !row.cells[0].empty()) return false;
    std::size_t filled = 0, column = 0;
    for (std::size_t c = 0; c < row.cells.size(); ++c)
        if (!row.cells[c].empty()) { ++filled; column = c; }
    if (filled != 1 || column >= previous.cells.size()) return false;
    const std::string& above = previous.cells[column];
    return !above.empty() && !ends_sentence(above) && !parse_number(row.cells[column]);
}

struct FieldValue {
    std::optional<Decimal> value;
    std::string unit;
};

// 「20.29万元」 → 20.29 万元; 「98.68%」 → 98.68 %; 「4人」 → 4 人. Text with more than a
// short unit after the number (「5.14万元（比率=100%）」) has no value.
FieldValue parse_field_value(std::string_view raw) {
    std::string_view text = trim(raw);
    std::size_t end = 0;
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.' ||
                                 text[end] == ',' || text[end] == '-' || text[end] == ' '))
        ++end;
    std::string_view number = trim(text.substr(0, end));
    std::string_view unit = trim(text.substr(end));
    FieldValue result;
    if (number.empty()) return result;
    if (unit.empty() || unit == "%" || unit == "％") {
        if (auto parsed = parse_number(text)) {
            result.value = parsed->value;
            if (parsed->percent) result.unit.assign(1, '%');
        }
        return result;
    }
    bool unit_is_word = code_point_count(unit) <= 3 &&
                        std::none_of(unit.begin(), unit.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!unit_is_word) return result;
    if (auto parsed = parse_number(number)) {
        result.value = parsed->value;
        result.unit = std::string(unit);
    }
    return result;
}

void add_field(Attachment& attachment, Report& report, std::string_view name, std::string_view raw,
               SourceLine line) {
    Field field;
    field.name = report.own(tidy_spaces(name));
    field.raw = report.own(trim(raw));
    auto parsed = parse_field_value(raw);
    field.value = parsed.value;
    field.unit = report.own(parsed.unit);
    field.line = line;
    attachment.fields.push_back(field);
}

bool is_budget_heading(std::string_view text) {
    return starts_with(text, "预算数") || starts_with(text, "执行数") || starts_with(text, "执行率");
}
bool is_target_heading(std::string_view text) {
    return starts_with(text, "年初目标值") || starts_with(text, "实际完成值");
}

// The printed columns of a performance form with a full header row that are not columns of
// its model: a leading 序号 numbers the rows (the row's key and line number; 合计 in it is
// the total row's label), a leading 项目 names them (the label), and an indicator form's
// row is named by its 三级指标 (the indicator; 二级指标 is its group, kept as a column).
struct FormRoles {
    bool form = false;
    bool number = false;
    bool name = false;
    std::optional<std::size_t> indicator;
};

FormRoles form_roles(const RawRow& header) {
    FormRoles roles;
    roles.form = true;
    if (header.cells.empty()) return roles;
    const std::string first = compact(header.cells[0]);
    roles.number = first == "序号";
    roles.name = first == "项目";
    for (std::size_t c = 1; c < header.cells.size(); ++c)
        if (compact(header.cells[c]) == "三级指标") roles.indicator = c;
    return roles;
}

// A form's column keyed by its heading without the formula mark: 预算数（A） and 执行率（B/A）
// are 预算数 and 执行率, the names the form's fields and rules use.
std::string column_key(const std::string& heading, const FormRoles& roles) {
    std::string key = compact(heading);
    if (!roles.form) return key;
    for (std::string_view open : {"（", "("}) {
        const std::size_t at = key.rfind(open);
        if (at == std::string::npos || at == 0) continue;
        std::string_view mark = std::string_view(key).substr(at + open.size());
        if (mark.ends_with("）")) mark.remove_suffix(std::string_view("）").size());
        else if (mark.ends_with(")")) mark.remove_suffix(1);
        else continue;
        if (!mark.empty() && std::all_of(mark.begin(), mark.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '/'; }))
            return key.substr(0, at);
    }
    return key;
}

}  // namespace

void build_text_table(const RawTable& raw, std::string_view id, TableKind kind, Report& report,
                      Diagnostics& diagnostics) {
    (void)diagnostics;
    std::vector<RawRow> rows;
    for (const auto& row : raw.rows) {
        if (row.empty()) continue;
        if (!rows.empty() && continues_previous(row, rows.back())) {
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                if (!row.cells[c].empty()) rows.back().cells[c] += row.cells[c];
            continue;
        }
        rows.push_back(row);
    }
    std::size_t width = 0;
    for (const auto& row : rows) width = std::max(width, row.cells.size());

    Table table = table_from_block(raw, id, kind, report);

    // A first row that fills every field is a header (序号 / 单位名称 / 备注); a form whose
    // first row has gaps (项目名称 | | 党建经费) has none, and its columns are numbered.
    bool has_header = !rows.empty() && width >= 2 && rows[0].cells.size() == width &&
                      std::none_of(rows[0].cells.begin(), rows[0].cells.end(),
                                   [](const std::string& c) { return c.empty(); });
    const FormRoles roles = has_header && kind == TableKind::attachment_form ? form_roles(rows[0]) : FormRoles{};
    const std::size_t first_column = roles.number || roles.name ? 1 : 0;
    UniqueKeys keys;
    for (std::size_t c = first_column; c < width; ++c) {
        Column column;
        std::string key = keys.take(has_header ? column_key(rows[0].cells[c], roles) : std::to_string(c + 1));
        column.key = report.own(key);
        if (has_header) column.header.push_back(report.own(tidy_spaces(rows[0].cells[c])));
        table.columns.push_back(column);
    }
    UniqueKeys row_keys;
    for (std::size_t r = has_header ? 1 : 0; r < rows.size(); ++r) {
        const RawRow& source = rows[r];
        auto cell_text = [&](std::size_t c) { return c < source.cells.size() ? source.cells[c] : std::string(); };
        Row row;
        std::string first = source.cells.empty() ? std::string() : compact(source.cells[0]);
        std::string key = row_keys.take(first.empty() || code_point_count(first) > 12
                                            ? std::to_string(table.rows.size() + 1)
                                            : first);
        row.key = report.own(key);
        const bool numbered = roles.number && parse_number(first).has_value();
        if (numbered) row.line_no = report.own(first);
        std::string label;
        if (roles.number && !numbered) label = cell_text(0);  // 合计 in the 序号 column
        else if (roles.indicator) label = cell_text(*roles.indicator);
        else if (roles.name) label = cell_text(0);
        for (std::size_t c = numbered ? 1 : 0; c < source.cells.size() && label.empty(); ++c) label = source.cells[c];
        if (!label.empty()) row.label = report.own(tidy_spaces(label));
        if (is_total_label(first)) row.level = RowLevel::total;
        row.line = source.line;
        for (std::size_t c = first_column; c < width; ++c)
            row.cells.push_back(make_cell(c < source.cells.size() ? std::string_view(source.cells[c]) : std::string_view(),
                                          source.line, report));
        table.rows.push_back(std::move(row));
    }
    report.tables.push_back(std::move(table));
}

void extract_form_fields(const Table& table, Attachment& attachment, Report& report) {
    std::vector<std::pair<std::size_t, std::string_view>> budget_columns, target_columns;
    // A form whose header row is its columns' headings (预算数（A） | 执行数（B） | …): its first
    // row holds the amounts.
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (!table.columns[c].header.empty() && is_budget_heading(compact(table.columns[c].header.front())))
            budget_columns.emplace_back(c, table.columns[c].header.front());
    bool expect_budget_values = !budget_columns.empty();
    for (const auto& row : table.rows) {
        std::vector<std::pair<std::size_t, std::string_view>> budget, target;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            std::string text = compact(row.cells[c].raw);
            if (is_budget_heading(text)) budget.emplace_back(c, row.cells[c].raw);
            if (is_target_heading(text)) target.emplace_back(c, row.cells[c].raw);
        }
        if (!budget.empty()) { budget_columns = budget; expect_budget_values = true; continue; }
        if (!target.empty()) { target_columns = target; continue; }
        if (expect_budget_values) {
            // The row under 预算数 (A) | 执行数 (B) | 执行率 (B/A) holds the amounts.
            for (auto [column, name] : budget_columns)
                if (column < row.cells.size() && !row.cells[column].blank())
                    add_field(attachment, report, name, row.cells[column].raw, row.line);
            expect_budget_values = false;
            continue;
        }
        if (!target_columns.empty()) {
            for (auto [column, name] : target_columns)
                if (column < row.cells.size() && !row.cells[column].blank())
                    add_field(attachment, report, name, row.cells[column].raw, row.line);
            continue;
        }
        // Label | value pairs: 项目名称 | 党建经费, 主管部门 | … | 项目实施单位 | ….
        std::vector<const Cell*> filled;
        for (const auto& cell : row.cells)
            if (!cell.blank()) filled.push_back(&cell);
        if (filled.size() < 2 || filled.size() % 2 != 0 || row.cells[0].blank()) continue;
        bool labels_ok = true;
        for (std::size_t i = 0; i < filled.size(); i += 2)
            labels_ok &= code_point_count(compact(filled[i]->raw)) <= 16 && !parse_number(filled[i]->raw);
        if (!labels_ok) continue;
        for (std::size_t i = 0; i < filled.size(); i += 2)
            add_field(attachment, report, compact(filled[i]->raw), filled[i + 1]->raw, row.line);
    }
}

void extract_inline_fields(std::string_view text, SourceLine line, Attachment& attachment, Report& report) {
    // Positions of 「label：」 where the label is a run of non-space text before the colon.
    struct Label {
        std::size_t begin, colon_end;
        std::string_view name;
    };
    std::vector<Label> labels;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t start = pos;
        char32_t cp = next_code_point(text, pos);
        if (cp != U'：' && cp != U':') continue;
        std::size_t begin = start;
        while (begin > 0) {
            std::size_t probe = 0;
            const char32_t previous = text::code_point_before(text, begin, probe);
            if (is_space(previous)) break;
            begin = probe;
        }
        std::string_view name = text.substr(begin, start - begin);
        if (name.empty() || code_point_count(name) > 12) continue;
        labels.push_back({begin, pos, name});
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        std::size_t end = i + 1 < labels.size() ? labels[i + 1].begin : text.size();
        std::string_view value = trim(text.substr(labels[i].colon_end, end - labels[i].colon_end));
        if (value.empty()) continue;
        add_field(attachment, report, labels[i].name, value, line);
        if (labels[i].name == "填报日期")
            if (auto date = find_iso_date(value)) attachment.fill_date = report.own(*date);
    }
}

void fill_region(Metadata& meta, std::string_view department, Report& report) {
    std::string name = compact(department);
    if (starts_with(name, "中共")) name = name.substr(std::string_view("中共").size());
    // Code points of the name, to bound the length of each place name.
    std::vector<std::string_view> cps;
    for (std::size_t pos = 0; pos < name.size();) {
        std::size_t start = pos;
        next_code_point(name, pos);
        cps.push_back(std::string_view(name).substr(start, pos - start));
    }
    auto find_suffix = [&](std::size_t from, std::size_t max_len,
                           std::initializer_list<std::string_view> suffixes) -> std::optional<std::size_t> {
        // A place name is 2 to max_len characters followed by its suffix.
        for (std::size_t i = from + 1; i < cps.size() && i <= from + max_len; ++i)
            for (auto suffix : suffixes)
                if (cps[i] == suffix) return i;
        return std::nullopt;
    };
    std::size_t cursor = 0;
    std::string region;
    AdminLevel level = AdminLevel::unknown;
    auto take = [&](std::size_t end) {
        for (std::size_t i = cursor; i <= end; ++i) region += cps[i];
        cursor = end + 1;
    };
    if (auto province = find_suffix(0, 6, {"省"})) { take(*province); level = AdminLevel::province; }
    if (auto city = find_suffix(cursor, 5, {"市"})) { take(*city); level = AdminLevel::city; }
    if (level != AdminLevel::unknown)
        if (auto district = find_suffix(cursor, 5, {"区", "县"})) { take(*district); level = AdminLevel::district; }
    meta.region = report.own(region);
    meta.level = level;
}

}  // namespace fincheck::import_detail
