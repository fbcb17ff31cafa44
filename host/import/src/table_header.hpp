// The header of an extracted table: which leading rows are header rows, the header path
// of every column (merged cells flattened: a group header covers the columns below it),
// and the 栏次 numbers when printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importer.hpp"

namespace fincheck::import_detail {

struct TableHeader {
    std::size_t rows = 0;                        // leading rows that are header (incl. 栏次)
    std::size_t width = 0;                       // widest row
    std::vector<std::vector<std::string>> path;  // per column: header texts, outermost first
    std::vector<std::string> numbers;            // per column: the 栏次 cell as printed
    bool has_numbers = false;
    SourceLine numbers_line = 0;
    // Header rows that begin with 合计 (the total row printed inside the header, as in the
    // Shanghai fund tables): the total row exists but carries no amounts.
    std::vector<SourceLine> total_rows;
};

// Reads the header of `rows`: the leading rows up to the first data row (one with an
// amount, a code, an 一、 label, or a 合计 followed only by numbers).
TableHeader read_header(const std::vector<RawRow>& rows);

bool is_column_number_row(const RawRow& row);
// A row below the header that repeats it: a 栏次 row, a 类/款/项 or 项目/科目名称 row, the
// table's column names, a unit line (a table continued after a page break reprints them). It
// holds no amount; it is not data.
bool is_repeated_header_row(const RawRow& row, const TableHeader& header);
// `raw` without the rows below its header that repeat it.
RawTable without_repeated_headers(const RawTable& raw, const TableHeader& header);
// The first cell that is neither empty nor one of 类 / 款 / 项 / 栏次.
std::optional<std::size_t> first_content_cell(const RawRow& row);
bool is_total_label(std::string_view compact_text);

// Splits the 栏次 or amount text of a merged cell into its numbers: 「2 3」, 「0.00 0.00」,
// and keeps 「592. 29」 as one number.
std::vector<std::string> split_numbers(std::string_view text);

}  // namespace fincheck::import_detail
