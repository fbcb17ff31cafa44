// A table's header from word boxes: each header cell's columns (a group heading is centred
// over the columns under it), cells wrapped inside one column joined, and header lines that
// fill different columns merged into one row, the way the text importer reads merged headers.
#pragma once

#include <vector>

#include "tables.hpp"

namespace fincheck::pdf_detail {

std::vector<TableRow> header_rows(const std::vector<const Line*>& lines, const std::vector<Band>& bands, double char_w);

}  // namespace fincheck::pdf_detail
