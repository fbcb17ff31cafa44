#include "form_indicators.hpp"

#include <array>

#include "fincheck/text/bytes.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

struct IndicatorColumns {
    std::optional<std::size_t> name, target, actual;
    bool found() const { return target.has_value() || actual.has_value(); }
};

// What a header cell names: 三级指标, 年初目标值 (also 目标值), 实际完成值 (also 实际值).
// Header cells are short: a long cell that mentions 目标值 is a value, not a header.
void read_header(std::string_view text, std::size_t column, IndicatorColumns& into) {
    constexpr std::size_t kLongestHeader = 12;
    std::u32string header = normalize_phrase(to_u32(text));
    if (header.size() > kLongestHeader) return;
    if (contains(header, U"三级指标") && !into.name) into.name = column;
    else if (contains(header, U"目标值") && !into.target) into.target = column;
    else if ((contains(header, U"完成值") || contains(header, U"实际值")) && !into.actual) into.actual = column;
}

// Every header word holds 值 or 指: one pass over the bytes answers "no" for most cells
// before the words are searched, without decoding them.
constexpr std::array<char32_t, 2> kHeaderCharacters = {U'值', U'指'};

bool may_be_header(std::string_view text) {
    constexpr std::size_t kLongestHeaderBytes = 64;  // 12 characters of 3 bytes, and blanks
    if (text.size() > kLongestHeaderBytes || !text::has_any_char3(text, kHeaderCharacters)) return false;
    return contains_utf8(text, "三级指标") || contains_utf8(text, "目标值") || contains_utf8(text, "完成值") ||
           contains_utf8(text, "实际值");
}

// The cell that names the indicator of `row`: the 三级指标 cell when printed, otherwise the
// nearest non-empty cell left of the value columns.
std::optional<std::size_t> name_cell(const Row& row, const IndicatorColumns& columns) {
    if (columns.name) {
        const Cell* cell = row.cell(*columns.name);
        if (cell != nullptr && !cell->blank()) return columns.name;
    }
    std::size_t first_value = std::min(columns.target.value_or(row.cells.size()), columns.actual.value_or(row.cells.size()));
    for (std::size_t c = std::min(first_value, row.cells.size()); c-- > 0;) {
        if (!row.cells[c].blank() && !row.cells[c].value) return c;
    }
    return std::nullopt;
}

}  // namespace

std::string_view IndicatorRow::cell_text(std::optional<std::size_t> column) const {
    if (!column) return {};
    const Cell* cell = row->cell(*column);
    return cell == nullptr ? std::string_view{} : cell->raw;
}

std::vector<IndicatorRow> indicator_rows(const Report& report, const Attachment& attachment) {
    std::vector<IndicatorRow> out;
    for (int index : attachment.tables) {
        if (index < 0 || static_cast<std::size_t>(index) >= report.tables.size()) continue;
        const Table& table = report.tables[static_cast<std::size_t>(index)];
        IndicatorColumns columns;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (may_be_header(table.columns[c].key)) read_header(table.columns[c].key, c, columns);
        }
        for (const Row& row : table.rows) {
            // A row that names the value columns starts (or restarts) the indicator block.
            IndicatorColumns header;
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                if (may_be_header(row.cells[c].raw)) read_header(row.cells[c].raw, c, header);
            }
            if (header.found()) {
                columns = header;
                continue;
            }
            if (!columns.found()) continue;
            auto name = name_cell(row, columns);
            if (!name) continue;
            out.push_back({&table, &row, *name, columns.target, columns.actual});
        }
    }
    return out;
}

}  // namespace fincheck::narrative
