// Rows of words: words assigned to lines by vertical overlap, ASCII words (amounts, codes)
// to the CJK line whose centre is nearest, then split into cells at column-wide gaps.
#pragma once

#include <vector>

#include "layout.hpp"

namespace fincheck::pdf_detail {

// The width of one CJK character on the page (median over its CJK words), the unit of
// every gap threshold. 12 pt when the page has no CJK word.
double char_width(const Page& page);

std::vector<Line> group_lines(const Page& page);

// Lines less than 3/4 of a character apart are one table row whose cells are aligned
// differently (a label wrapped on two lines beside a centred cell, codes set higher than
// names): their cells are merged, a cell under another joined to it.
std::vector<Line> merge_close_lines(std::vector<Line> lines, double char_w);

// Splits a line's words into cells where the gap is wider than a column gap, and joins the
// words of a cell (with a space only where the PDF leaves a space-wide gap beside a word
// that is not a single letter-spaced character).
void split_cells(Line& line, double char_w);

}  // namespace fincheck::pdf_detail
