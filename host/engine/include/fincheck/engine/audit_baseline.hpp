// fincheck check --baseline OLD.audit.xml: which findings of this audit are new since an earlier
// audit of the same report and which of that audit's findings are gone, by fingerprint
// (fingerprint.hpp), so a report that moved or was renamed compares as itself.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/engine/audit.hpp"
#include "fincheck/report_xml.hpp"

namespace fincheck::engine {

// An earlier audit's findings as read back from its XML.
struct BaselineAudit {
    std::string file;  // its file name, without the folder
    std::vector<BaselineFinding> findings;
};

// Reads an audit report XML. An error (file, line and column where known, zh-CN / en) when the
// file cannot be read, is not well-formed, is not an audit report, or has a finding without a
// fingerprint (an audit written before fingerprints: audit the report again to compare).
struct BaselineLoad {
    std::optional<BaselineAudit> audit;
    std::optional<LoadError> error;
};
BaselineLoad read_baseline_audit(const std::filesystem::path& file);

// Marks each finding of `result` new or unchanged and lists the baseline's findings that are
// gone (a multiset difference: two findings with one fingerprint count twice).
void compare_with_baseline(AuditResult& result, const BaselineAudit& baseline);

}  // namespace fincheck::engine
