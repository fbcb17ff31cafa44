// Rows of words: words assigned to lines by vertical overlap, ASCII words (amounts, codes)
// to the CJK line whose centre is nearest, then split into cells at column-wide gaps.
#pragma once

#include <vector>

#include "layout.hpp"

namespace fincheck::pdf_detail {

// The width of one CJK character on the page (median over its CJK words), the unit of
// every gap threshold. 12 pt when the page has no CJK word.
double char_width(const Page& page);

// Fonts may give digits boxes much taller than CJK glyphs and not centred on the same line
// (ONLYOFFICE: 4-5 pt higher). The document's median distance from each floating word to the
// nearest CJK row centre inside its box measures that shift; it is the same on every page.
double floating_offset(const std::vector<Page>& pages);
double cjk_height(const Page& page);

std::vector<Line> group_lines(const Page& page, double floating_offset);

// Lines less than 0.8 characters apart (from the last line merged), one of them a table row (`is_row`), are one row
// whose cells are aligned differently (a label wrapped on two lines beside a centred cell,
// codes set higher than names): their cells are merged, a cell under another joined to it.
// Header lines are left alone: a group heading sits close above its sub-headings.
std::vector<Line> merge_close_lines(std::vector<Line> lines, double char_w, bool (*is_row)(const Line&));

// Splits a line's words into cells where the gap is wider than a column gap, between two
// numbers, or (given a table's column edges) where a word's centre is in another column, and
// joins the words of a cell (with a space only where the PDF leaves a space-wide gap beside a
// word that is not a single letter-spaced character).
void split_cells(Line& line, double char_w, const std::vector<double>* column_edges = nullptr);

}  // namespace fincheck::pdf_detail
