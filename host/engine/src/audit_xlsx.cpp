// The findings as an Excel workbook, written by libxlsxwriter: a findings sheet with the CSV's
// columns and a summary sheet for the report. libxlsxwriter 1.1 writes only to a named file,
// so the workbook goes to a private temporary file whose bytes are returned.
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <unistd.h>

#include "finding_fields.hpp"
#include "fincheck/engine/audit_formats.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::engine {
namespace {

// A fixed creation time (1980-01-01, the zip epoch) instead of the clock's: the same audit
// gives the same bytes.
constexpr std::time_t kCreated = 315532800;

// What XML 1.0 cannot carry (C0 controls, bytes that are not UTF-8) as U+FFFD: the sheet is
// XML inside the zip, and the text comes from untrusted reports.
std::string xml_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t length = utf8::xml_char_length(text, i); length != 0) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

class ScratchWorkbookFile {
public:
    ScratchWorkbookFile() {
        std::string pattern = (std::filesystem::temp_directory_path() / "fincheck-xlsx-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("无法创建临时文件 / cannot create a temporary file: " + pattern);
        ::close(fd);
        path_ = pattern;
    }
    ~ScratchWorkbookFile() { std::remove(path_.c_str()); }
    ScratchWorkbookFile(const ScratchWorkbookFile&) = delete;
    ScratchWorkbookFile& operator=(const ScratchWorkbookFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

void check(lxw_error error, std::string_view what) {
    if (error != LXW_NO_ERROR)
        throw std::runtime_error("XLSX 写入失败（" + std::string(what) + "）/ cannot write the XLSX workbook (" +
                                 std::string(what) + "): " + lxw_strerror(error));
}

// Fails closed: a cell libxlsxwriter refuses (a text over 32767 characters) is an error,
// never a quietly shorter sheet.
void write_row(lxw_worksheet* sheet, lxw_row_t row, const std::vector<std::string>& cells, lxw_format* format) {
    for (std::size_t column = 0; column < cells.size(); ++column) {
        if (cells[column].empty()) continue;
        check(worksheet_write_string(sheet, row, static_cast<lxw_col_t>(column), xml_safe(cells[column]).c_str(), format),
              "cell");
    }
}

std::vector<std::pair<std::string, std::string>> summary_rows(const AuditResult& result, Language language) {
    const bool zh = language == Language::zh;
    std::size_t enabled = 0;
    for (const RuleSummary& rule : result.rules) enabled += rule.enabled ? 1 : 0;
    return {
        {zh ? "文件" : "file", result.input.file},
        {"SHA-256", result.input.sha256},
        {zh ? "部门" : "department", result.department},
        {zh ? "年度" : "fiscal year", result.fiscal_year > 0 ? std::to_string(result.fiscal_year) : std::string()},
        {zh ? "标题" : "title", result.title},
        {zh ? "工具" : "tool", "fincheck " + result.tool_version},
        {zh ? "配置" : "configuration", result.config_file},
        {zh ? "启用规则" : "rules enabled", std::to_string(enabled) + "/" + std::to_string(result.rules.size())},
        {zh ? "错误" : "errors", std::to_string(result.counts.error)},
        {zh ? "警告" : "warnings", std::to_string(result.counts.warning)},
        {zh ? "提示" : "info", std::to_string(result.counts.info)},
        {zh ? "发现合计" : "findings", std::to_string(result.counts.total())},
        {zh ? "缺陷（按根因）" : "defects (by root cause)", std::to_string(result.defects.size())},
    };
}

}  // namespace

std::string write_audit_xlsx(const AuditResult& result, Language language) {
    const bool zh = language == Language::zh;
    ScratchWorkbookFile file;
    // Freed without writing when a cell is refused; workbook_close() writes and frees it.
    std::unique_ptr<lxw_workbook, decltype(&lxw_workbook_free)> owned(workbook_new(file.path().c_str()), &lxw_workbook_free);
    if (!owned) throw std::runtime_error("无法创建 XLSX 工作簿 / cannot create the XLSX workbook");
    lxw_workbook* workbook = owned.get();
    lxw_doc_properties properties{};
    properties.created = kCreated;
    workbook_set_properties(workbook, &properties);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);

    lxw_worksheet* findings = workbook_add_worksheet(workbook, zh ? "发现" : "findings");
    write_row(findings, 0, finding_table_header(language), bold);
    lxw_row_t row = 1;
    for (const AuditedFinding& finding : result.findings) write_row(findings, row++, finding_table_row(result, finding, language), nullptr);
    worksheet_freeze_panes(findings, 1, 0);
    worksheet_autofilter(findings, 0, 0, static_cast<lxw_row_t>(result.findings.size()),
                         static_cast<lxw_col_t>(finding_table_header(language).size() - 1));

    lxw_worksheet* summary = workbook_add_worksheet(workbook, zh ? "摘要" : "summary");
    row = 0;
    for (const auto& [label, value] : summary_rows(result, language)) write_row(summary, row++, {label, value}, nullptr);
    worksheet_set_column(summary, 0, 0, 24, bold);
    worksheet_set_column(summary, 1, 1, 60, nullptr);

    check(workbook_close(owned.release()), file.path());
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw std::runtime_error("无法读回 XLSX / cannot read the XLSX back: " + file.path());
    return bytes;
}

}  // namespace fincheck::engine
