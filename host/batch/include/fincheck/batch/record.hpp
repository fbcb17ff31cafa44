// What the batch remembers of one report: its status, counts by severity and by rule, why it
// failed, and how its findings compare with a baseline run. A record is written as one
// <report> element of summary.xml; the same element is what an --isolate worker sends back
// to the parent, so there is one format to get right. The resume journal (journal.hpp) keeps
// the few fields --resume needs in one line per report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fincheck/finding.hpp"

namespace pugi {
class xml_node;
}

namespace fincheck::batch {

struct Counts {
    std::size_t error = 0;
    std::size_t warning = 0;
    std::size_t info = 0;
    std::size_t total() const { return error + warning + info; }
    void add(Severity severity, std::size_t n = 1);
    Counts& operator+=(const Counts& other);
    bool operator==(const Counts&) const = default;
};

// A finding as compared against a baseline: by its fingerprint (finding/@fingerprint), or,
// against an audit written before fingerprints, by rule id + location + expected/actual. The
// order is the latter's.
struct FindingKey {
    std::string rule;
    std::string location;  // "table/row/column", "block:N" or "line:N"
    std::string expected;
    std::string actual;
    Severity severity = Severity::error;
    std::string fingerprint = {};  // initialiser: FindingKey{rule, …, severity} stays warning-free
    auto operator<=>(const FindingKey& other) const {
        return std::tie(rule, location, expected, actual) <=> std::tie(other.rule, other.location, other.expected, other.actual);
    }
    bool operator==(const FindingKey& other) const { return (*this <=> other) == 0; }
};

// Findings of one audit file, read back from its XML.
struct AuditOutcome {
    Counts counts;
    std::map<std::string, Counts> by_rule;
    std::vector<FindingKey> findings;  // sorted
};
std::optional<AuditOutcome> read_audit_outcome(std::string_view audit_xml);

struct BaselineDiff {
    bool compared = false;  // false: no audit of this input in the baseline
    std::string audit;       // the baseline audit file compared with, relative to the baseline dir
    std::string matched_by;  // sha256, department-year or output (baseline.hpp)
    std::vector<FindingKey> added;   // in this run only
    std::vector<FindingKey> gone;    // in the baseline only
    std::size_t remaining = 0;       // in both
};
// By fingerprint when every finding on both sides has one, else by the legacy key; `added`
// and `gone` in FindingKey order.
BaselineDiff diff_findings(const std::vector<FindingKey>& baseline, const std::vector<FindingKey>& current);

// skipped: an input the batch cannot audit by its kind (a PDF, an unknown type, a dangling
// link): listed with the reason, counted, and never audited.
enum class Status : std::uint8_t { audited, failed, skipped };
std::string_view to_string(Status status);
std::optional<Status> status_from_string(std::string_view text);

struct Failure {
    std::string kind;  // input, load, crash, timeout, write, internal; skipped (status skipped)
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
};

struct ReportRecord {
    std::string key;
    std::string output;   // audit file name, empty when failed before writing it
    std::string sha256;   // of the input bytes
    Status status = Status::audited;
    Counts counts;
    // The findings grouped by root cause (the audit's counts/@defects): what a reader of the
    // batch fixes, where `counts` are the symptoms.
    std::size_t defects = 0;
    std::map<std::string, Counts> by_rule;
    std::optional<Failure> failure;
    std::optional<BaselineDiff> baseline;
    // Journal records and --isolate messages only: SHA-256 of the audit file, so a file torn
    // by a power loss (the batch syncs once at the end, not per file) is re-audited instead
    // of trusted.
    std::string audit_sha256;
};

// <report> element; `config_hash` is written only when given (the sidecars of versions
// before the journal had it; nothing writes it now). Appended to `out`,
// indented by `depth` levels (summary.xml nests the records one level deep).
void append_record_xml(std::string& out, const ReportRecord& record, std::string_view config_hash = {}, int depth = 0);
std::string record_to_xml(const ReportRecord& record, std::string_view config_hash = {});
// Reads a <report> element; returns nullopt when it is not one. `config_hash` receives the
// element's configuration hash when present.
std::optional<ReportRecord> record_from_node(const pugi::xml_node& node, std::string* config_hash = nullptr);
std::optional<ReportRecord> record_from_xml(std::string_view xml, std::string* config_hash = nullptr);

}  // namespace fincheck::batch
