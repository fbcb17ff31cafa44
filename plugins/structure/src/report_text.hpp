// Walks every piece of printed text in a report (headings, paragraphs, table titles, notes,
// cells, attachment titles and fields) with a small reference from which the Location of a
// finding about it is built, only when there is a finding: most texts have none, and a
// Location (a section path, a cell key) costs more than looking at the text.
#pragma once

#include <cstdint>
#include <string_view>

#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"

namespace fincheck::structure {

enum class TextPlace : std::uint8_t {
    heading,
    block,
    table_title,
    table_department,
    table_note,
    cell,
    row_label,
    attachment_title,
    field,
    toc,
    report_title,  // the cover's title (Metadata::title)
};

std::string_view place_name_zh(TextPlace place);
std::string_view place_name_en(TextPlace place);

// Where a text lives: `index` is the section, block, table, attachment or contents entry;
// `row` and `column` name the cell of a table, `row` the row of a row label, or `row` the
// field of an attachment.
struct TextRef {
    TextPlace place = TextPlace::block;
    std::uint32_t index = 0;
    std::uint32_t row = 0;
    std::uint32_t column = 0;
};

std::string_view text_at(const Report& report, const TextRef& ref);
// The Location of the byte span [begin, end) of the text `ref` names (only blocks carry
// the span, as code-point offsets).
Location location_of(const Report& report, const TextRef& ref, std::size_t begin, std::size_t end);

// A finding about the byte span [begin, end) of `text` (the text `ref` names): located there, with
// the arguments every message about a piece of text uses ({place}, {place_en}, {excerpt}).
FindingBuilder finding_in_text(std::string_view rule_id, std::string_view message_id, const Report& report,
                               const TextRef& ref, std::string_view text, std::size_t begin, std::size_t end);

// Calls visit(const TextRef&, std::string_view text) in document order of kind: the report's
// title, headings, blocks, tables, attachments, contents. `with_cells` includes table cells that hold no
// number and attachment fields (placeholders can hide there).
template <class Visit>
void for_each_text(const Report& report, bool with_cells, Visit&& visit) {
    auto u32 = [](std::size_t i) { return static_cast<std::uint32_t>(i); };
    visit(TextRef{TextPlace::report_title, 0, 0, 0}, report.meta.title);
    for (std::size_t i = 0; i < report.sections.size(); ++i)
        visit(TextRef{TextPlace::heading, u32(i), 0, 0}, report.sections[i].heading);
    for (std::size_t b = 0; b < report.blocks.size(); ++b)
        visit(TextRef{TextPlace::block, u32(b), 0, 0}, report.blocks[b].text);
    for (std::size_t t = 0; t < report.tables.size(); ++t) {
        const Table& table = report.tables[t];
        visit(TextRef{TextPlace::table_title, u32(t), 0, 0}, table.title);
        visit(TextRef{TextPlace::table_department, u32(t), 0, 0}, table.department);
        visit(TextRef{TextPlace::table_note, u32(t), 0, 0}, table.note);
        if (!with_cells) continue;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const Row& row = table.rows[r];
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const Cell& cell = row.cells[c];
                if (cell.blank() || cell.value) continue;
                visit(TextRef{TextPlace::cell, u32(t), u32(r), u32(c)}, cell.raw);
            }
        }
    }
    for (std::size_t a = 0; a < report.attachments.size(); ++a) {
        const Attachment& attachment = report.attachments[a];
        visit(TextRef{TextPlace::attachment_title, u32(a), 0, 0}, attachment.title);
        if (!with_cells) continue;
        for (std::size_t f = 0; f < attachment.fields.size(); ++f)
            visit(TextRef{TextPlace::field, u32(a), u32(f), 0}, attachment.fields[f].raw);
    }
    for (std::size_t e = 0; e < report.toc.size(); ++e) visit(TextRef{TextPlace::toc, u32(e), 0, 0}, report.toc[e].text);
}

}  // namespace fincheck::structure
