#include "report_text.hpp"

#include "text_util.hpp"

namespace fincheck::structure {

namespace {

struct PlaceName {
    std::string_view zh;
    std::string_view en;
};

// Both names of a place side by side, so that a new place gets its two names at once.
PlaceName name_of(TextPlace place) {
    switch (place) {
        case TextPlace::heading: return {"章节标题", "heading"};
        case TextPlace::block: return {"正文", "paragraph"};
        case TextPlace::table_title: return {"表格标题", "table title"};
        case TextPlace::table_department: return {"表头部门", "department line"};
        case TextPlace::table_note: return {"表注", "table note"};
        case TextPlace::cell: return {"表格单元格", "table cell"};
        case TextPlace::row_label: return {"表格行名称", "table row label"};
        case TextPlace::attachment_title: return {"附件标题", "attachment title"};
        case TextPlace::field: return {"附件表单栏目", "attachment field"};
        case TextPlace::report_title: return {"报告标题", "report title"};
        case TextPlace::toc: break;
    }
    return {"目录", "contents"};
}

}  // namespace

std::string_view place_name_zh(TextPlace place) { return name_of(place).zh; }
std::string_view place_name_en(TextPlace place) { return name_of(place).en; }

std::string_view text_at(const Report& report, const TextRef& ref) {
    switch (ref.place) {
        case TextPlace::heading: return report.sections[ref.index].heading;
        case TextPlace::block: return report.blocks[ref.index].text;
        case TextPlace::table_title: return report.tables[ref.index].title;
        case TextPlace::table_department: return report.tables[ref.index].department;
        case TextPlace::table_note: return report.tables[ref.index].note;
        case TextPlace::cell: return report.tables[ref.index].rows[ref.row].cells[ref.column].raw;
        case TextPlace::row_label: return report.tables[ref.index].rows[ref.row].label;
        case TextPlace::attachment_title: return report.attachments[ref.index].title;
        case TextPlace::field: return report.attachments[ref.index].fields[ref.row].raw;
        case TextPlace::report_title: return report.meta.title;
        case TextPlace::toc: break;
    }
    return report.toc[ref.index].text;
}

Location location_of(const Report& report, const TextRef& ref, std::size_t begin, std::size_t end) {
    switch (ref.place) {
        case TextPlace::heading: {
            Location l = Location::at_line(report.sections[ref.index].line);
            l.section = report.section_path(static_cast<int>(ref.index));
            return l;
        }
        case TextPlace::block: {
            const std::string_view text = report.blocks[ref.index].text;
            return Location::at_block(report, static_cast<int>(ref.index), code_point_offset(text, begin),
                                      code_point_offset(text, end));
        }
        case TextPlace::table_title:
        case TextPlace::table_department:
        case TextPlace::table_note: return Location::at_table(report.tables[ref.index]);
        case TextPlace::cell: {
            const Table& t = report.tables[ref.index];
            const Row& row = t.rows[ref.row];
            const Cell& cell = row.cells[ref.column];
            Location l = Location::at_cell(t, row, ref.column < t.columns.size() ? t.columns[ref.column].key : "");
            if (cell.line != 0) l.line = cell.line;
            return l;
        }
        case TextPlace::row_label: {
            const Table& t = report.tables[ref.index];
            return Location::at_row(t, t.rows[ref.row]);
        }
        case TextPlace::attachment_title: return Location::at_line(report.attachments[ref.index].line);
        case TextPlace::field: return Location::at_line(report.attachments[ref.index].fields[ref.row].line);
        case TextPlace::report_title: return Location::at_line(report.meta.title_line);
        case TextPlace::toc: break;
    }
    return Location::at_line(report.toc[ref.index].line);
}

FindingBuilder finding_in_text(std::string_view rule_id, std::string_view message_id, const Report& report,
                               const TextRef& ref, std::string_view text, std::size_t begin, std::size_t end) {
    FindingBuilder finding(rule_id, message_id);
    finding.at(location_of(report, ref, begin, end))
        .arg("place", place_name_zh(ref.place))
        .arg("place_en", place_name_en(ref.place))
        .arg("excerpt", excerpt(text, begin, end));
    return finding;
}

}  // namespace fincheck::structure
