// The document walk: cover, contents, then headings, paragraphs, tables and attachments in
// the order of their source lines (the order the generator wrote them in).
#include <algorithm>
#include <string>
#include <vector>

#include "fincheck/gen/pdf_report.hpp"
#include "page.hpp"
#include "printed_tables.hpp"
#include "text_flow.hpp"

namespace fincheck::gen {
namespace {

using pdf::Align;
using pdf::PageWriter;
using pdf::TextStyle;

constexpr double kBody = 10.5;
constexpr double kParagraphGap = 5;

enum class Piece : std::uint8_t { section, block, table, attachment };

struct Placed {
    SourceLine line;
    Piece piece;
    std::size_t index;
};

std::vector<Placed> document_order(const Report& r) {
    std::vector<Placed> order;
    for (std::size_t i = 0; i < r.sections.size(); ++i)
        order.push_back({r.sections[i].line, Piece::section, i});
    for (std::size_t i = 0; i < r.blocks.size(); ++i)
        order.push_back({r.blocks[i].line, Piece::block, i});
    for (std::size_t i = 0; i < r.tables.size(); ++i)
        order.push_back({r.tables[i].line, Piece::table, i});
    for (std::size_t i = 0; i < r.attachments.size(); ++i)
        order.push_back({r.attachments[i].line, Piece::attachment, i});
    std::stable_sort(order.begin(), order.end(),
                     [](const Placed& a, const Placed& b) { return a.line < b.line; });
    return order;
}

void cover_and_contents(PageWriter& page, const Report& r) {
    page.advance(PageWriter::kHeight / 3);
    pdf::flow_paragraph(page, r.meta.title, TextStyle{22, true, Align::centre, 0}, 0);
    page.new_page();
    if (r.toc.empty()) return;
    pdf::flow_paragraph(page, "目 录", TextStyle{16, true, Align::centre, 0}, 12);
    for (const TocEntry& entry : r.toc)
        pdf::flow_paragraph(page, entry.text,
                            TextStyle{kBody, false, Align::left, entry.level > 1 ? 2 * kBody : 0},
                            4);
    page.new_page();
}

void heading(PageWriter& page, const Section& s) {
    const std::string text =
        std::string(s.number) + (s.level == 1 ? " " : "") + std::string(s.heading);
    if (s.level == 1) {
        page.ensure_room(80);
        pdf::flow_paragraph(page, text, TextStyle{15, true, Align::centre, 0}, 10);
    } else {
        page.ensure_room(50);
        pdf::flow_paragraph(page, text, TextStyle{kBody + 0.5, true, Align::left, 0},
                            kParagraphGap);
    }
}

void block(PageWriter& page, const Block& b) {
    switch (b.kind) {
        case BlockKind::caption:
            pdf::flow_paragraph(page, b.text, TextStyle{kBody, true, Align::centre, 0},
                                kParagraphGap);
            break;
        case BlockKind::list_item:
            pdf::flow_paragraph(page, b.text, TextStyle{kBody, false, Align::left, 0},
                                kParagraphGap);
            break;
        case BlockKind::paragraph:
        case BlockKind::note:
            pdf::flow_paragraph(page, b.text, TextStyle{kBody, false, Align::left, 2 * kBody},
                                kParagraphGap);
            break;
    }
}

void table(PageWriter& page, const Table& t, bool ruled, PdfDrawStats& stats) {
    pdf::PrintPlan plan = pdf::plan_table(t);
    plan.table.ruled = ruled;
    // The title, 公开NN表, 部门 and 单位 lines stay on the page of the table's opening rows.
    page.ensure_room(pdf::kTableTitleBlock + pdf::opening_height(page, plan.table));
    pdf::flow_paragraph(page, t.title, TextStyle{13, true, Align::centre, 0}, 4);
    if (!t.code.empty()) pdf::flow_paragraph(page, t.code, TextStyle{9, false, Align::right, 0}, 2);
    if (!t.department.empty())
        pdf::flow_paragraph(page, "部门：" + std::string(t.department),
                            TextStyle{9, false, Align::left, 0}, 2);
    if (!t.unit.empty())
        pdf::flow_paragraph(page, "单位：" + std::string(t.unit),
                            TextStyle{9, false, Align::right, 0}, 4);
    const pdf::TableDrawStats drawn = pdf::draw_table(page, plan.table);
    ++stats.tables;
    stats.side_by_side_tables += plan.side_by_side ? 1 : 0;
    stats.tables_across_pages += drawn.across_pages ? 1 : 0;
    stats.wrapped_cells += drawn.wrapped_cells;
    stats.blank_cells += drawn.blank_cells;
    page.advance(6);
    if (!t.note.empty()) pdf::flow_paragraph(page, t.note, TextStyle{9, false, Align::left, 0}, 10);
}

void attachment(PageWriter& page, const Attachment& a) {
    page.ensure_room(100);
    pdf::flow_paragraph(page, a.label, TextStyle{kBody, true, Align::left, 0}, 4);
    pdf::flow_paragraph(page, a.title, TextStyle{13, true, Align::centre, 0}, 6);
}

}  // namespace

PdfDrawStats write_report_pdf(const Report& report, const std::filesystem::path& path) {
    PdfDrawStats stats;
    PageWriter page(path);
    // Some published reports rule every cell, some none: both, decided by the report.
    const bool ruled = report.meta.department.size() % 3 != 0;
    cover_and_contents(page, report);
    for (const Placed& p : document_order(report)) {
        switch (p.piece) {
            case Piece::section:
                heading(page, report.sections[p.index]);
                break;
            case Piece::block:
                block(page, report.blocks[p.index]);
                ++stats.paragraphs;
                break;
            case Piece::table:
                table(page, report.tables[p.index], ruled, stats);
                break;
            case Piece::attachment:
                attachment(page, report.attachments[p.index]);
                break;
        }
    }
    page.finish();
    stats.pages = page.pages();
    return stats;
}

}  // namespace fincheck::gen
