// Running the enabled rules over one report. audit() is const, keeps no state between
// calls and shares nothing mutable, so many threads may audit many reports at once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "fincheck/engine/effective_config.hpp"
#include "fincheck/engine/plugin_loader.hpp"
#include "fincheck/engine/root_cause.hpp"
#include "fincheck/engine/rule_registry.hpp"
#include "fincheck/engine/rule_selection.hpp"
#include "fincheck/finding.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck/report.hpp"

namespace fincheck::engine {

// The file that was checked: its name (no directory, so outputs do not vary by machine),
// the SHA-256 of its bytes and, for a PDF, where each source line is on its pages.
struct AuditInput {
    std::string file;
    std::string sha256;
    // For a PDF input: the page and box each source line came from (index = line), so
    // findings cite pages without plugins knowing about them. Empty for text and XML.
    std::vector<PageBox> line_origin = {};  // initialiser: AuditInput{file, sha} stays warning-free
};

struct AuditedFinding {
    Finding finding;           // as the rule reported it
    Severity severity = Severity::error;  // effective: override, else the finding's, else default
    std::string plugin;        // plugin name, "import" or "host"
    std::string message_zh;
    std::string message_en;
    std::size_t defect = 0;    // index into AuditResult::defects
    std::string fingerprint;   // finding_fingerprint(): stable across renames and moves
};

struct SeverityCounts {
    std::size_t error = 0;
    std::size_t warning = 0;
    std::size_t info = 0;
    std::size_t total() const { return error + warning + info; }
    std::size_t at_or_above(Severity threshold) const;
    void add(Severity severity);
};

struct PluginSummary {
    std::string name;
    std::string version;
    std::string file;
    std::string sdk_version;
    std::string abi;  // "major.minor"
};

// A finding of an earlier audit, as --baseline compares with it (audit_baseline.hpp).
struct BaselineFinding {
    std::string rule;
    Severity severity = Severity::error;
    std::string fingerprint;
    std::string message_zh;
    std::string message_en;
};

// This audit against an earlier one of the same report: set by compare_with_baseline().
struct BaselineComparison {
    std::string file;               // the earlier audit's file name
    std::vector<bool> is_new;       // per finding of this audit: absent from the earlier one
    std::vector<BaselineFinding> fixed;  // the earlier audit's findings this one no longer has
    std::size_t new_findings = 0;
    SeverityCounts new_counts;      // the new findings by severity: what --fail-on counts then
};

// Everything a writer needs: the header (tool, input, report, plugins, configuration) and
// the findings, sorted.
struct AuditResult {
    std::string tool_version;
    AuditInput input;
    std::string source_file;    // the file the report was imported from, when recorded
    std::string source_sha256;
    int fiscal_year = 0;
    std::string department;
    std::string title;
    std::string region;         // as detected: what selects a region's rule pack
    std::string level;          // AdminLevel
    std::string template_name;
    std::vector<PluginSummary> plugins;
    std::vector<PluginIssue> plugin_issues;
    std::vector<PluginNote> plugin_notes;  // what plugins chose for this report (the pack, why)
    std::vector<RuleSummary> rules;        // effective for this report, pack decisions included
    Tolerance tolerance;
    ExplainedSource half_unit_source;
    ExplainedSource extra_source;
    std::string selection;
    std::string config_file;
    std::vector<AuditedFinding> findings;
    SeverityCounts counts;
    // The findings grouped by root cause (root_cause.hpp): what the summary counts as defects.
    std::vector<Defect> defects;
    std::optional<BaselineComparison> baseline;  // check --baseline
};

const char* tool_version();

// Runs every enabled rule of `plan` over `report`, adds the importer's `diagnostics`
// (filtered and re-rated by the plan like any rule's findings) and returns the sorted,
// rendered findings with the header filled in. A rule that throws becomes an
// internal-rule-error finding; the other rules still run. `log` must be thread-safe.
AuditResult run_audit(const AuditPlan& plan, const PluginSet& plugins, const Report& report,
                      std::vector<Finding> diagnostics, const AuditInput& input, const Log& log);

// The header of that audit alone, no rule run: what `fincheck explain` shows.
AuditResult describe_audit(const AuditPlan& plan, const PluginSet& plugins, const Report& report,
                           const AuditInput& input);

// The deterministic order of findings: source line, table, row, column, rule id, message.
void sort_findings(std::vector<AuditedFinding>& findings);

}  // namespace fincheck::engine
