// Writing the rebuilt layout as the importer's intermediate text (docs/import.md): the
// cover title in **…**, the contents list, paragraphs rejoined across lines and pages, and
// tables as tab-separated rows, with the page and box of every line written.
#pragma once

#include <string>
#include <vector>

#include "fincheck/pdf_import.hpp"
#include "layout.hpp"

namespace fincheck::pdf_detail {

struct Rebuilt {
    std::string text;
    std::vector<PageBox> line_origin;  // index = source line; [0] unused
};

Rebuilt rebuild_text(const std::vector<Page>& pages);

}  // namespace fincheck::pdf_detail
