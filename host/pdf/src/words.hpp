// Reading pdftotext -bbox-layout's XHTML into pages of words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout.hpp"

namespace fincheck::pdf_detail {

// nullopt when the XHTML cannot be parsed (pdftotext output cut short).
std::optional<std::vector<Page>> read_word_boxes(const std::string& xhtml);

}  // namespace fincheck::pdf_detail
