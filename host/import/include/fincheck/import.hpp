// Importing a published report's extracted text (docs/import.md describes the form it takes)
// into the Report model. Extraction damage that cannot be repaired with certainty
// is reported as import-* findings instead of becoming a silently wrong cell.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/rule.hpp"
#include "fincheck/templates/template.hpp"

namespace fincheck {

struct ImportResult {
    std::optional<Report> report;       // absent only when the input is unusable
    std::optional<LoadError> error;     // why it is unusable (file, line, reason)
    std::vector<Finding> diagnostics;   // import-* findings: damage reported, not guessed
    explicit operator bool() const { return report.has_value(); }
};

// Imports a text file. Fills Metadata::source_file and source_sha256.
ImportResult import_text_file(const std::filesystem::path& file);
// Imports text already in memory; `name` is the file name recorded and used in errors.
// Standard tables are those of the built-in templates (templates::TemplateSet::builtin).
ImportResult import_text(std::string text, std::string_view name);
// The same with the standard tables of `templates` (the built-in ones plus a region's file).
ImportResult import_text(std::string text, std::string_view name, const templates::TemplateSet& templates);

// Metadata of the import-* diagnostics, so the host can list, render and filter them
// like any rule's findings.
const std::vector<RuleMeta>& import_rule_metas();

}  // namespace fincheck
