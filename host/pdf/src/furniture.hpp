// Page furniture: page numbers and running headers/footers, which belong to no paragraph.
#pragma once

#include <vector>

#include "layout.hpp"

namespace fincheck::pdf_detail {

// Removes, from the top and bottom margins (10% of the page height), lines that are a page
// number (3, - 3 -, 第 3 页, 3/25) and lines whose text repeats on three pages or more.
void remove_furniture(std::vector<std::vector<Line>>& pages, const std::vector<Page>& geometry);

}  // namespace fincheck::pdf_detail
