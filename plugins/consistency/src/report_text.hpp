// Walks every piece of printed text in a report (headings, paragraphs, table titles, notes,
// cells, attachment titles and fields) with the Location a finding about it should carry.
#pragma once

#include <functional>
#include <string_view>

#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"

namespace fincheck::consistency {

enum class TextPlace : std::uint8_t {
    heading,
    block,
    table_title,
    table_department,
    table_note,
    cell,
    attachment_title,
    field,
    toc,
};

std::string_view place_name_zh(TextPlace place);
std::string_view place_name_en(TextPlace place);

// `location_for(byte_begin, byte_end)` builds the Location of a span inside `text`.
using TextVisitor = std::function<void(TextPlace place, std::string_view text,
                                       const std::function<Location(std::size_t, std::size_t)>& location_for)>;

// Visits text in document order of kind: headings, blocks, tables, attachments, contents.
// `with_cells` includes table cells and attachment fields (placeholders can hide there).
void for_each_text(const Report& report, bool with_cells, const TextVisitor& visit);

}  // namespace fincheck::consistency
