// SARIF 2.1.0 (OASIS), what code-scanning dashboards and CI systems read. Validated in the
// tests by Microsoft's sarif-multitool (tools/install-sarif-validator.sh).
#include <filesystem>
#include <map>
#include <string_view>

#include "finding_fields.hpp"
#include "fincheck/engine/audit_formats.hpp"
#include "fincheck/engine/url_path.hpp"
#include "json_out.hpp"

namespace fincheck::engine {
namespace {

// The key of partialFingerprints: versioned, so that a changed scheme is a new key rather
// than a silent mismatch in a dashboard that compares runs.
constexpr std::string_view kFingerprintKey = "fincheckFinding/v1";

std::string_view sarif_level(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: break;
    }
    return "note";
}

// Lexically normal ("a/./b/../c" is "a/c"): consumers must not have to resolve "..", which may
// mean another folder on their machine once links are involved.
std::string artifact_uri(const AuditResult& result, const SarifOptions& options) {
    const std::filesystem::path given(options.input_path.empty() ? result.input.file : options.input_path);
    const std::string encoded = url_path_escaped(given.lexically_normal().generic_string());
    return given.is_absolute() ? "file://" + encoded : encoded;
}

// A rule's page lives beside its plugin in the tree (plugins/<p>/rules/ID.md, the importer's in
// host/import/rules/) and is installed flat as rules/ID.md under the docs URL.
std::string docs_base(const SarifOptions& options) {
    std::string base = options.docs_url.empty() ? rule_docs_base_url() : options.docs_url;
    if (!base.empty() && base.back() != '/') base += '/';
    return base;
}

std::string help_uri(const RuleSummary& rule, const SarifOptions& options) {
    std::string_view page = rule.docs;
    if (page.empty()) return {};
    if (page.starts_with("docs/")) return docs_base(options) + url_path_escaped(page.substr(5));  // the host's
    if (const std::size_t slash = page.rfind('/'); slash != std::string_view::npos) page.remove_prefix(slash + 1);
    return docs_base(options) + "rules/" + url_path_escaped(page);
}

// "ArithRowTotal" from "arith-row-total": SARIF's rule name is an identifier-like word.
std::string rule_name(std::string_view id) {
    std::string name;
    bool upper = true;
    for (const char c : id) {
        if (c == '-') {
            upper = true;
            continue;
        }
        name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return name;
}

void add_text(JsonOut& json, std::string_view name, std::string_view text) {
    json.key(name);
    json.begin_object();
    json.member("text", text);
    json.end_object();
}

void add_rule(JsonOut& json, const RuleSummary& rule, const SarifOptions& options) {
    const bool zh = options.language == Language::zh;
    const std::string& title = zh ? rule.title_zh : rule.title_en;
    const std::string shown = title.empty() ? rule.id : title;
    json.begin_object();
    json.member("id", rule.id);
    json.member("name", rule_name(rule.id));
    add_text(json, "shortDescription", shown);
    add_text(json, "fullDescription", rule.title_zh.empty() || rule.title_en.empty() ? shown
                                                                                   : rule.title_zh + " / " + rule.title_en);
    const std::string uri = help_uri(rule, options);
    std::string help = shown;
    if (!uri.empty()) help += zh ? "。规则说明：" + uri : ". Rule documentation: " + uri;
    add_text(json, "help", help);
    json.member_if("helpUri", uri);
    json.key("defaultConfiguration");
    json.begin_object();
    json.member_bool("enabled", rule.enabled);
    json.member("level", sarif_level(rule.severity));
    json.end_object();
    json.key("properties");
    json.begin_object();
    json.member_if("category", rule.category);
    json.member("plugin", rule.plugin);
    json.member("version", rule.version);
    json.end_object();
    json.end_object();
}

void add_location(JsonOut& json, const AuditResult& result, const Location& at, const SarifOptions& options) {
    json.begin_object();
    json.key("physicalLocation");
    json.begin_object();
    json.key("artifactLocation");
    json.begin_object();
    json.member("uri", artifact_uri(result, options));
    json.member("index", std::uint64_t{0});
    json.end_object();
    // A line of a PDF's extracted text is no line of the PDF: its page goes in the result's
    // properties instead, and the location has no region (the validator's SARIF2017 warning;
    // a page is no SARIF region form).
    if (at.line > 0 && result.input.line_origin.empty()) {
        json.key("region");
        json.begin_object();
        json.member("startLine", std::uint64_t{at.line});
        json.end_object();
    }
    json.end_object();
    const std::string place = place_of(at, options.language);
    if (!place.empty()) {
        json.key("logicalLocations");
        json.begin_array();
        json.begin_object();
        json.member("name", !at.column.empty() ? at.column : !at.row.empty() ? at.row : place);
        json.member("fullyQualifiedName", place);
        json.member("kind", at.table.empty() ? "text" : "element");
        json.end_object();
        json.end_array();
    }
    json.end_object();
}

void add_result(JsonOut& json, const AuditResult& result, std::size_t index,
                const std::map<std::string_view, std::size_t>& rule_index, const SarifOptions& options) {
    const AuditedFinding& audited = result.findings[index];
    const Finding& f = audited.finding;
    json.begin_object();
    json.member("ruleId", f.rule_id);
    if (auto it = rule_index.find(f.rule_id); it != rule_index.end()) json.member("ruleIndex", it->second);
    json.member("level", sarif_level(audited.severity));
    if (result.baseline) json.member("baselineState", result.baseline->is_new[index] ? "new" : "unchanged");
    add_text(json, "message", options.language == Language::zh ? audited.message_zh : audited.message_en);
    json.key("locations");
    json.begin_array();
    add_location(json, result, f.location, options);
    json.end_array();
    json.key("partialFingerprints");
    json.begin_object();
    json.member(kFingerprintKey, audited.fingerprint);
    json.end_object();
    json.key("properties");
    json.begin_object();
    json.member("messageZh", audited.message_zh);
    json.member("messageEn", audited.message_en);
    json.member("plugin", audited.plugin);
    if (const int page = page_of(result, f.location); page > 0) json.member("page", static_cast<std::uint64_t>(page));
    json.member_if("expected", f.expected);
    json.member_if("actual", f.actual);
    if (f.difference) json.member("difference", f.difference->to_string(2));
    if (f.tolerance) json.member("tolerance", f.tolerance->to_string(2));
    if (audited.defect < result.defects.size()) json.member("defect", result.defects[audited.defect].id);
    json.end_object();
    json.end_object();
}

}  // namespace

const char* rule_docs_base_url() { return FINCHECK_DOCS_URL; }

std::string write_audit_sarif(const AuditResult& result, const SarifOptions& options) {
    std::map<std::string_view, std::size_t> rule_index;
    for (std::size_t i = 0; i < result.rules.size(); ++i) rule_index.emplace(result.rules[i].id, i);

    std::string out;
    JsonOut json(out);
    json.begin_object();
    json.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    json.member("version", "2.1.0");
    json.key("runs");
    json.begin_array();
    json.begin_object();

    json.key("tool");
    json.begin_object();
    json.key("driver");
    json.begin_object();
    json.member("name", "fincheck");
    json.member("version", result.tool_version);
    json.member("semanticVersion", result.tool_version);
    json.member("informationUri", docs_base(options) + "audit-format.md");
    json.key("rules");
    json.begin_array();
    for (const RuleSummary& rule : result.rules) add_rule(json, rule, options);
    json.end_array();
    json.end_object();
    json.end_object();

    json.key("artifacts");
    json.begin_array();
    json.begin_object();
    json.key("location");
    json.begin_object();
    json.member("uri", artifact_uri(result, options));
    json.end_object();
    if (!result.input.sha256.empty()) {
        json.key("hashes");
        json.begin_object();
        json.member("sha-256", result.input.sha256);
        json.end_object();
    }
    json.end_object();
    json.end_array();

    json.key("results");
    json.begin_array();
    for (std::size_t i = 0; i < result.findings.size(); ++i) add_result(json, result, i, rule_index, options);
    json.end_array();

    json.key("properties");
    json.begin_object();
    if (result.fiscal_year > 0) json.member("fiscalYear", static_cast<std::uint64_t>(result.fiscal_year));
    json.member_if("department", result.department);
    json.member("defects", result.defects.size());
    if (result.baseline) json.member("baselineFixed", result.baseline->fixed.size());
    json.end_object();

    json.end_object();
    json.end_array();
    json.end_object();
    return out;
}

}  // namespace fincheck::engine
