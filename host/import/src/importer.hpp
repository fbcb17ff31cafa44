// Internal pieces of the text importer, shared by its translation units.
//
// Flow: the text is validated and cut into lines (lines.cpp); consecutive non-blank lines
// form groups, and the document walker (document.cpp) reads front matter, contents, the
// section tree, paragraphs and table blocks. A table block becomes a RawTable (rows of
// tab-separated cells), which standard_tables.cpp maps onto the canonical model of
// docs/table-model.md, or form_tables.cpp keeps as an attachment form or other table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"
#include "fincheck/templates/template.hpp"

namespace fincheck::import_detail {

struct Line {
    std::string_view text;  // without the line break, \r removed
    SourceLine number = 0;
    bool blank = false;     // nothing but spaces (a line of tabs is an empty table row)
    bool tabular = false;   // contains a tab: a table row
};

struct RawRow {
    std::vector<std::string> cells;  // trimmed, HTML stripped
    SourceLine line = 0;
    bool after_break = false;        // first row after a blank line (a page break)
    bool empty() const;
};

struct RawTable {
    std::string title;
    SourceLine line = 0;           // line of the title, or of the first row
    std::string code;              // 公开01表
    std::string department;        // 部门：
    std::string unit;              // 万元
    std::string note;              // 注： / 说明： below the table
    std::vector<RawRow> rows;
    int section = -1;
    int attachment = -1;
    bool ends_document = false;    // nothing but blank lines follows its last row
};

// Collects import-* findings with language-neutral arguments.
class Diagnostics {
public:
    explicit Diagnostics(std::vector<Finding>& out) : out_(out) {}
    void add(std::string_view rule_id, std::string_view message_id, SourceLine line,
             MessageArgs args, std::string_view table = {}, std::string_view row = {},
             std::optional<Severity> severity = std::nullopt);
    // Moves findings gathered elsewhere (a tentative parse that succeeded) in.
    void take(std::vector<Finding>& findings) {
        for (auto& finding : findings) out_.push_back(std::move(finding));
        findings.clear();
    }

private:
    std::vector<Finding>& out_;
};

// The id of the template table ("01" …) whose wording the title has, not its number; `reading`
// is every loaded template read at once (templates::TemplateSet::reading).
std::optional<std::string_view> standard_table_id(std::string_view title, const templates::Template& reading);

// Maps a standard table onto the canonical model and appends it to report.tables.
// Returns false (and appends nothing) when its columns do not fit the model.
bool build_standard_table(const RawTable& raw, const templates::Table& table, const templates::Template& reading,
                          Report& report, Diagnostics& diagnostics);

// Appends an attachment form or an other table: columns keyed by header text.
void build_text_table(const RawTable& raw, std::string_view id, TableKind kind, Report& report,
                      Diagnostics& diagnostics);

// Labelled fields of an attachment form table, appended to attachment.fields.
void extract_form_fields(const Table& table, Attachment& attachment, Report& report);
// Labelled fields written as 「名称：值」 in a line of text (单位名称: … 填报日期: …).
void extract_inline_fields(std::string_view text, SourceLine line, Attachment& attachment,
                           Report& report);

// Region and administrative level parsed from a department name.
void fill_region(Metadata& meta, std::string_view department, Report& report);

// Builds the Cell for printed text: raw kept, number parsed when the whole cell is one.
Cell make_cell(std::string_view raw, SourceLine line, Report& report);

// A Table with the block's printed title, code, department, unit, note and place, before
// any column or row: what every kind of table takes from its raw block alike.
Table table_from_block(const RawTable& raw, std::string_view id, TableKind kind, Report& report);

}  // namespace fincheck::import_detail
