// The audit in the formats other tools read: SARIF 2.1.0 for code-scanning dashboards and CI,
// JSON for scripts (schemas/audit-report.schema.json), CSV and XLSX for spreadsheets. Each is
// a pure function of the AuditResult like write_audit_xml: the same result gives the same
// bytes. Every finding carries its fingerprint (fingerprint.hpp). docs/audit-format.md.
#pragma once

#include <string>

#include "fincheck/engine/audit.hpp"
#include "fincheck/engine/audit_writers.hpp"

namespace fincheck::engine {

struct SarifOptions {
    Language language = Language::zh;  // of message texts and rule descriptions
    // The input as given on the command line (artifactLocation.uri, percent-encoded; an
    // absolute path becomes a file: URI). Empty: the input's file name.
    std::string input_path;
    // Prefix of each rule's helpUri, followed by the rule's page under docs/ (rules/ID.md).
    // Empty: rule_docs_base_url().
    std::string docs_url;
};

// Where the rule pages are published: FINCHECK_DOCS_URL at configure time, by default the
// installed documentation (file:///usr/local/share/doc/fincheck/).
const char* rule_docs_base_url();

// SARIF 2.1.0: one run, the rules with their descriptions and help links, one result per
// finding with its level, location and partialFingerprints.
std::string write_audit_sarif(const AuditResult& result, const SarifOptions& options = {});

// JSON: the header, every finding with both messages, and the defects.
std::string write_audit_json(const AuditResult& result);

// CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads it as UTF-8): a header row,
// then one finding per row, in `language`.
std::string write_audit_csv(const AuditResult& result, Language language);

// XLSX: a findings sheet (the CSV's rows) and a summary sheet for the report. Throws
// std::runtime_error when the workbook cannot be written.
std::string write_audit_xlsx(const AuditResult& result, Language language);

}  // namespace fincheck::engine
