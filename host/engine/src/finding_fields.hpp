// What the tabular and JSON writers say about one finding beyond its raw fields: where it is
// without the line (the line and the page are columns of their own), its page, and the row
// the CSV and the XLSX findings sheet share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fincheck/engine/audit.hpp"
#include "fincheck/engine/audit_writers.hpp"

namespace fincheck::engine {

// "01/本年支出合计/决算数", "段落 7（第三部分 …）": describe_location() without line or page.
std::string place_of(const Location& location, Language language);

// The page the location's source line came from, 0 when the input was not a PDF.
int page_of(const AuditResult& result, const Location& location);

// The findings sheet and the CSV: the column titles, then one row per finding.
std::vector<std::string> finding_table_header(Language language);
std::vector<std::string> finding_table_row(const AuditResult& result, const AuditedFinding& finding,
                                           Language language);

}  // namespace fincheck::engine
