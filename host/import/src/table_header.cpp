#include "table_header.hpp"

#include <algorithm>

#include "fincheck/number_text.hpp"
#include "text_util.hpp"

namespace fincheck::import_detail {

namespace {

bool is_code_heading(std::string_view compact_text) {
    return compact_text == "类" || compact_text == "款" || compact_text == "项" ||
           compact_text == "栏次";
}

bool is_data_row(const RawRow& row) {
    for (const auto& cell : row.cells)
        if (looks_like_amount(cell)) return true;
    auto first = first_content_cell(row);
    if (!first) return false;
    std::string text = compact(row.cells[*first]);
    if (looks_like_code(text)) return true;
    if (auto enumeration = match_enumeration(text); enumeration && enumeration->level == 2) return true;
    if (is_total_label(text)) {
        // 合计 followed by column names is a header row that doubles as the total row (the
        // Shanghai fund tables, the 三公 header); followed by numbers or nothing, a data row.
        for (std::size_t i = *first + 1; i < row.cells.size(); ++i)
            if (!row.cells[i].empty() && !parse_number(row.cells[i])) return false;
        return true;
    }
    return ends_with(text, "合计") || ends_with(text, "总计");
}

}  // namespace

bool is_total_label(std::string_view compact_text) {
    return compact_text == "合计" || compact_text == "总计";
}

std::optional<std::size_t> first_content_cell(const RawRow& row) {
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        if (row.cells[i].empty()) continue;
        if (is_code_heading(compact(row.cells[i]))) continue;
        return i;
    }
    return std::nullopt;
}

std::vector<std::string> split_numbers(std::string_view text) {
    std::vector<std::string> pieces;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') ++pos;
        std::size_t start = pos;
        while (pos < text.size() && text[pos] != ' ') ++pos;
        if (pos > start) pieces.emplace_back(text.substr(start, pos - start));
    }
    // 「592. 29」: a piece ending in a point continues in the next one.
    std::vector<std::string> numbers;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (!numbers.empty() && ends_with(numbers.back(), ".") && all_digits(pieces[i])) {
            numbers.back() += " " + pieces[i];
            continue;
        }
        numbers.push_back(pieces[i]);
    }
    return numbers;
}

bool is_column_number_row(const RawRow& row) {
    int count = 0;
    bool first_is_one = false;
    for (const auto& cell : row.cells) {
        if (cell.empty()) continue;
        std::string text = compact(cell);
        if (text == "栏次") return true;
        if (is_code_heading(text)) continue;
        for (const auto& piece : split_numbers(cell)) {
            if (!all_digits(piece) || piece.size() > 2) return false;
            if (count == 0) first_is_one = piece == "1";
            ++count;
        }
    }
    return count >= 2 && first_is_one;
}

bool is_repeated_header_row(const RawRow& row, const TableHeader& header) {
    if (is_column_number_row(row)) return true;
    // Words a header prints whatever the table: the code and name headings, 行次, the amounts'
    // captions. A row of these alone is a header row; so is a row of the table's own column
    // names in their columns, and a unit line printed again after a page break.
    static constexpr std::string_view kHeaderWords[] = {
        "类", "款", "项", "栏次", "行次", "项目", "科目名称", "科目编码", "科目代码", "功能分类科目编码",
        "支出功能分类科目编码", "经济分类科目编码", "支出经济分类科目编码", "功能分类", "经济分类",
        "支出功能分类", "决算数", "预算数", "金额", "收入", "支出"};
    auto is_header_word = [](std::string_view text) {
        for (std::string_view word : kHeaderWords)
            if (text == word) return true;
        return false;
    };
    // The header's own text at that column: a data row may be named like a column (04's
    // 「一般公共预算财政拨款」 rows under 年初结转和结余), but not in the column's header place.
    auto is_column_name = [&](std::size_t column, std::string_view text) {
        if (column >= header.path.size()) return false;
        for (const auto& element : header.path[column])
            if (compact(element) == text) return true;
        return false;
    };
    std::size_t cells = 0, words = 0;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const std::string& cell = row.cells[c];
        if (cell.empty()) continue;
        if (looks_like_amount(cell) || parse_number(cell)) return false;
        const std::string text = compact(cell);
        ++cells;
        if (starts_with(text, "单位：") || starts_with(text, "单位:") || starts_with(text, "金额单位")) {
            if (row.cells.size() == 1 || cells == 1) return true;
            return false;
        }
        if (is_header_word(text)) ++words;
        else if (!is_column_name(c, text)) return false;
    }
    // A lone column name (「项目支出」 with blank cells) may be a data row of that name; two or
    // more names, or a heading word, make the row a header.
    return cells >= 2 || words >= 1;
}

RawTable without_repeated_headers(const RawTable& raw, const TableHeader& header) {
    RawTable body = raw;
    body.rows.clear();
    for (std::size_t r = 0; r < raw.rows.size(); ++r)
        if (r < header.rows || !is_repeated_header_row(raw.rows[r], header)) body.rows.push_back(raw.rows[r]);
    return body;
}

TableHeader read_header(const std::vector<RawRow>& rows) {
    TableHeader header;
    for (const auto& row : rows) header.width = std::max(header.width, row.cells.size());
    header.path.resize(header.width);
    header.numbers.resize(header.width);

    // span_end[c]: where the header cell covering column c ends, in the rows read so far.
    std::vector<std::size_t> span_end(header.width, header.width);
    for (const auto& row : rows) {
        if (is_column_number_row(row)) {
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                if (row.cells[c].empty() || is_code_heading(compact(row.cells[c]))) continue;
                header.numbers[c] = row.cells[c];
            }
            header.has_numbers = true;
            header.numbers_line = row.line;
            ++header.rows;
            continue;
        }
        if (is_data_row(row)) break;
        ++header.rows;
        // The 合计 that opens a header row doubling as the total row is that row's label, not a
        // column heading, when it stands under the name or code heading (项目, 科目编码): there it
        // would make the codes a 合计 amount column. Under a group heading (the 三公 table's
        // 「财政拨款“三公”经费」) it is the heading of the 合计 column.
        std::optional<std::size_t> total_label;
        if (auto first = first_content_cell(row); first && is_total_label(compact(row.cells[*first]))) {
            header.total_rows.push_back(row.line);
            if (*first < header.path.size() &&
                std::any_of(header.path[*first].begin(), header.path[*first].end(), [](const std::string& element) {
                    const std::string text = compact(element);
                    return text == "项目" || text == "科目名称" || contains(text, "编码") || contains(text, "代码");
                }))
                total_label = first;
        }
        std::vector<std::size_t> next_end = span_end;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (row.cells[c].empty() || total_label == c) continue;
            std::size_t next = c + 1;
            while (next < row.cells.size() && row.cells[next].empty()) ++next;
            if (next >= row.cells.size()) next = header.width;
            std::size_t end = std::min(next, span_end[c]);
            for (std::size_t k = c; k < end; ++k) {
                header.path[k].push_back(tidy_spaces(row.cells[c]));
                next_end[k] = end;
            }
        }
        span_end = std::move(next_end);
    }
    return header;
}

}  // namespace fincheck::import_detail
