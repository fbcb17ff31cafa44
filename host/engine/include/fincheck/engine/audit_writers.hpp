// Audit writers. Both are pure functions of the AuditResult: identical input gives
// identical bytes (no timestamps, no absolute paths, findings already sorted).
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "fincheck/engine/audit.hpp"

namespace fincheck::engine {

// The XML audit report, schemas/audit-report.xsd.
std::string write_audit_xml(const AuditResult& result);
// Same bytes, into `out` (cleared first), so that a caller writing many reports reuses one
// buffer.
void write_audit_xml(const AuditResult& result, std::string& out);

enum class Language : std::uint8_t { zh, en };

struct TextOptions {
    Language language = Language::zh;
    // Findings listed; the counts always cover all of them.
    std::size_t max_findings = std::numeric_limits<std::size_t>::max();
    bool header = true;  // input, plugins, configuration
};

// "错误" / "error": a severity as the text, CSV and XLSX outputs name it.
std::string_view severity_label(Severity severity, Language language);

// Plain text for people: header, counts, one line per finding.
std::string write_audit_text(const AuditResult& result, const TextOptions& options = {});

// fincheck explain: what was detected in the report, what each plugin chose for it (the rule
// pack and why) and every rule's effective state, severity and tolerance with the source of
// each. `result` is describe_audit()'s; its findings are not shown.
std::string write_explanation_text(const AuditResult& result, Language language);
// The same as XML: <explanation> with <input>, <report> and the audit header's <configuration>.
std::string write_explanation_xml(const AuditResult& result);

// "01/本年支出合计/决算数 line 42", "block 7 (第三部分 …) line 120": where a finding points.
// With the line origins of a PDF input, the page replaces the line ("第 12 页" / "page 12").
std::string describe_location(const Location& location, Language language,
                              const std::vector<PageBox>* line_origin = nullptr);

// The page and box a source line came from, when the input was a PDF; nullptr otherwise.
const PageBox* origin_of_line(const std::vector<PageBox>& line_origin, SourceLine line);

}  // namespace fincheck::engine
