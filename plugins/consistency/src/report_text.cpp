#include "report_text.hpp"

#include "text_util.hpp"

namespace fincheck::consistency {

std::string_view place_name_zh(TextPlace place) {
    switch (place) {
        case TextPlace::heading: return "章节标题";
        case TextPlace::block: return "正文";
        case TextPlace::table_title: return "表格标题";
        case TextPlace::table_department: return "表头部门";
        case TextPlace::table_note: return "表注";
        case TextPlace::cell: return "表格单元格";
        case TextPlace::attachment_title: return "附件标题";
        case TextPlace::field: return "附件表单栏目";
        case TextPlace::toc: break;
    }
    return "目录";
}

std::string_view place_name_en(TextPlace place) {
    switch (place) {
        case TextPlace::heading: return "heading";
        case TextPlace::block: return "paragraph";
        case TextPlace::table_title: return "table title";
        case TextPlace::table_department: return "department line";
        case TextPlace::table_note: return "table note";
        case TextPlace::cell: return "table cell";
        case TextPlace::attachment_title: return "attachment title";
        case TextPlace::field: return "attachment field";
        case TextPlace::toc: break;
    }
    return "contents";
}

void for_each_text(const Report& report, bool with_cells, const TextVisitor& visit) {
    for (std::size_t i = 0; i < report.sections.size(); ++i) {
        const Section& s = report.sections[i];
        visit(TextPlace::heading, s.heading, [&](std::size_t, std::size_t) {
            Location l = Location::at_line(s.line);
            l.section = report.section_path(static_cast<int>(i));
            return l;
        });
    }
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const std::string_view text = report.blocks[b].text;
        visit(TextPlace::block, text, [&](std::size_t begin, std::size_t end) {
            return Location::at_block(report, static_cast<int>(b), code_point_offset(text, begin),
                                      code_point_offset(text, end));
        });
    }
    for (const Table& t : report.tables) {
        auto at_table = [&](std::size_t, std::size_t) { return Location::at_table(t); };
        visit(TextPlace::table_title, t.title, at_table);
        visit(TextPlace::table_department, t.department, at_table);
        visit(TextPlace::table_note, t.note, at_table);
        if (!with_cells) continue;
        for (const Row& row : t.rows) {
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const Cell& cell = row.cells[c];
                if (cell.blank() || cell.value) continue;
                visit(TextPlace::cell, cell.raw, [&](std::size_t, std::size_t) {
                    Location l = Location::at_cell(t, row, c < t.columns.size() ? t.columns[c].key : "");
                    if (cell.line != 0) l.line = cell.line;
                    return l;
                });
            }
        }
    }
    for (const Attachment& a : report.attachments) {
        visit(TextPlace::attachment_title, a.title,
              [&](std::size_t, std::size_t) { return Location::at_line(a.line); });
        if (!with_cells) continue;
        for (const Field& f : a.fields) {
            visit(TextPlace::field, f.raw,
                  [&](std::size_t, std::size_t) { return Location::at_line(f.line); });
        }
    }
    for (const TocEntry& e : report.toc)
        visit(TextPlace::toc, e.text, [&](std::size_t, std::size_t) { return Location::at_line(e.line); });
}

}  // namespace fincheck::consistency
