#include "finding_fields.hpp"

namespace fincheck::engine {

std::string place_of(const Location& location, Language language) {
    Location without_line = location;
    without_line.line = 0;
    return describe_location(without_line, language);
}

int page_of(const AuditResult& result, const Location& location) {
    const PageBox* origin = origin_of_line(result.input.line_origin, location.line);
    return origin != nullptr ? origin->page : 0;
}

std::vector<std::string> finding_table_header(Language language) {
    if (language == Language::en)
        return {"file",    "department", "fiscal year", "severity",   "rule",      "location", "page",       "line",
                "message", "expected",   "actual",      "difference", "tolerance", "defect",   "fingerprint"};
    return {"文件", "部门", "年度", "级别", "规则", "位置", "页", "行", "说明", "应为", "实为", "差额", "容差", "缺陷", "指纹"};
}

std::vector<std::string> finding_table_row(const AuditResult& result, const AuditedFinding& audited,
                                           Language language) {
    const Finding& f = audited.finding;
    const int page = page_of(result, f.location);
    return {result.input.file,
            result.department,
            result.fiscal_year > 0 ? std::to_string(result.fiscal_year) : std::string(),
            std::string(severity_label(audited.severity, language)),
            f.rule_id,
            place_of(f.location, language),
            page > 0 ? std::to_string(page) : std::string(),
            f.location.line > 0 ? std::to_string(f.location.line) : std::string(),
            language == Language::zh ? audited.message_zh : audited.message_en,
            f.expected,
            f.actual,
            f.difference ? f.difference->to_string(2) : std::string(),
            f.tolerance ? f.tolerance->to_string(2) : std::string(),
            audited.defect < result.defects.size() ? result.defects[audited.defect].id : std::string(),
            audited.fingerprint};
}

}  // namespace fincheck::engine
