// The import-* diagnostics: metadata (so the host lists and renders them like any rule's
// findings) and the helper that records one.
#include "fincheck/import.hpp"
#include "fincheck/rule_meta.hpp"
#include "importer.hpp"

namespace fincheck {
namespace import_detail {

void Diagnostics::add(std::string_view rule_id, std::string_view message_id, SourceLine line,
                      MessageArgs args, std::string_view table, std::string_view row,
                      std::optional<Severity> severity) {
    FindingBuilder builder(rule_id, message_id);
    Location location = Location::at_line(line);
    location.table = std::string(table);
    location.row = std::string(row);
    builder.at(location);
    builder.arg("line", std::to_string(line));
    for (auto& [name, value] : args) builder.arg(name, value);
    if (severity) builder.severity(*severity);
    out_.push_back(std::move(builder).build());
}

}  // namespace import_detail

namespace {

RuleMeta meta(std::string id, std::string zh, std::string en, Severity severity,
              std::vector<MessageSpec> messages) {
    return RuleMetaBuilder(std::move(id), "import")
        .title(std::move(zh), std::move(en))
        .severity(severity)
        .messages(std::move(messages))
        .page_in("host/import")
        .build();
}

}  // namespace

const std::vector<RuleMeta>& import_rule_metas() {
    static const std::vector<RuleMeta> metas = {
        meta("import-table-columns", "表格列无法对齐", "Table columns could not be aligned",
             Severity::warning,
             {{"merged-header",
               "表{table}第{line}行：「{cell}」位于合并表头「{header}」下，无法确定属于哪一列，未读入",
               "Table {table}, line {line}: 「{cell}」 sits under the merged header 「{header}」; its column cannot be determined, so it was not read"},
              {"value-outside-columns",
               "表{table}第{line}行：第{column}格的数值「{cell}」不在任何金额列下，未读入",
               "Table {table}, line {line}: the number 「{cell}」 in field {column} lies under no amount column and was not read"},
              {"missing-column", "表{table}（第{line}行起）缺少「{column}」列",
               "Table {table} (from line {line}) has no 「{column}」 column"},
              {"header-shifted",
               "表{table}第{line}行：表头与栏次错开一列，已按栏次对齐各金额列",
               "Table {table}, line {line}: the header is one column off its 栏次 numbers; the amount columns were aligned on the 栏次 row"}}),
        meta("import-unreadable-line", "无法读取的行", "Unreadable line", Severity::warning,
             {{"row-without-label",
               "表{table}第{line}行：有数值「{cell}」却既无科目编码也无名称，该行可能错位，未读入",
               "Table {table}, line {line}: the row holds 「{cell}」 but has neither a code nor a name; it may be shifted and was not read"},
              {"total-ambiguous",
               "表{table}第{line}行：「{label}」后有多个数值，无法确定其金额，未读入",
               "Table {table}, line {line}: several numbers follow 「{label}」; its amount cannot be determined and was not read"}}),
        meta("import-unknown-table", "无法识别的表格", "Unrecognised table", Severity::warning,
             {{"columns-mismatch",
               "第{line}行的表「{title}」标题像标准表{table}，但列与之不符，按其他表格读入",
               "The table 「{title}」 at line {line} is titled like standard table {table} but its columns do not fit; it was read as an other table"},
              {"duplicate",
               "第{line}行的表「{title}」与已读入的标准表{table}重复，按其他表格读入",
               "The table 「{title}」 at line {line} repeats standard table {table}; it was read as an other table"}}),
        meta("import-table-header", "表格缺少表头", "Table without a header", Severity::warning,
             {{"no-header", "第{line}行的表「{title}」没有表头行，无法按列读入",
               "The table 「{title}」 at line {line} has no header row, so its columns cannot be read"}}),
        meta("import-metadata", "报告元数据不全", "Incomplete report metadata", Severity::warning,
             {{"no-title", "未找到报告标题（「Y年度…部门决算」）",
               "No report title (「Y年度…部门决算」) was found"},
              {"no-fiscal-year", "标题「{title}」中没有「Y年度」，无法确定决算年度",
               "The title 「{title}」 names no 「Y年度」, so the fiscal year is unknown"}}),
        meta("import-truncated", "文件可能被截断", "File may be truncated", Severity::warning,
             {{"ends-in-table",
               "文件在表「{title}」的第{line}行结束，缺少其合计或总计行，可能被截断",
               "The file ends at line {line} inside the table 「{title}」, which lacks its total row; it may be truncated"}}),
    };
    return metas;
}

}  // namespace fincheck
