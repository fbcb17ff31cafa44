// The audit as JSON for scripts, described by schemas/audit-report.schema.json. Decimals are
// strings, as in the XML: exact, never a binary floating-point approximation.
#include "finding_fields.hpp"
#include "fincheck/engine/audit_formats.hpp"
#include "json_out.hpp"

namespace fincheck::engine {
namespace {

void add_location(JsonOut& json, const AuditResult& result, const Location& at) {
    json.begin_object();
    json.member_if("table", at.table);
    json.member_if("row", at.row);
    json.member_if("column", at.column);
    json.member_if("section", at.section);
    if (at.block >= 0) json.member("block", static_cast<std::uint64_t>(at.block));
    if (at.span_end > at.span_begin) {
        json.member("spanBegin", std::uint64_t{at.span_begin});
        json.member("spanEnd", std::uint64_t{at.span_end});
    }
    if (at.line > 0) json.member("line", std::uint64_t{at.line});
    if (const int page = page_of(result, at); page > 0) json.member("page", static_cast<std::uint64_t>(page));
    json.end_object();
}

void add_finding(JsonOut& json, const AuditResult& result, std::size_t index) {
    const AuditedFinding& audited = result.findings[index];
    const Finding& f = audited.finding;
    json.begin_object();
    json.member("rule", f.rule_id);
    if (result.baseline) json.member("baselineState", result.baseline->is_new[index] ? "new" : "unchanged");
    json.member("severity", to_string(audited.severity));
    json.member("plugin", audited.plugin);
    json.member_if("messageId", f.message_id);
    json.member("fingerprint", audited.fingerprint);
    if (audited.defect < result.defects.size()) json.member("defect", result.defects[audited.defect].id);
    json.key("message");
    json.begin_object();
    json.member("zh-CN", audited.message_zh);
    json.member("en", audited.message_en);
    json.end_object();
    json.key("location");
    add_location(json, result, f.location);
    json.member_if("expected", f.expected);
    json.member_if("actual", f.actual);
    if (f.difference) json.member("difference", f.difference->to_string(2));
    if (f.tolerance) json.member("tolerance", f.tolerance->to_string(2));
    json.key("evidence");
    json.begin_array();
    for (const Evidence& evidence : f.evidence) {
        json.begin_object();
        json.member("role", evidence.role);
        json.member("raw", evidence.raw);
        if (evidence.value) json.member("value", evidence.value->to_string(2));
        json.key("location");
        add_location(json, result, evidence.location);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

void add_header(JsonOut& json, const AuditResult& result) {
    json.key("tool");
    json.begin_object();
    json.member("name", "fincheck");
    json.member("version", result.tool_version);
    json.end_object();

    json.key("input");
    json.begin_object();
    json.member("file", result.input.file);
    json.member_if("sha256", result.input.sha256);
    json.member_if("sourceFile", result.source_file);
    json.member_if("sourceSha256", result.source_sha256);
    json.end_object();

    json.key("report");
    json.begin_object();
    if (result.fiscal_year > 0) json.member("fiscalYear", static_cast<std::uint64_t>(result.fiscal_year));
    json.member_if("department", result.department);
    json.member_if("title", result.title);
    json.member_if("region", result.region);
    json.member_if("level", result.level);
    json.member_if("template", result.template_name);
    json.end_object();

    json.key("plugins");
    json.begin_array();
    for (const PluginSummary& plugin : result.plugins) {
        json.begin_object();
        json.member("name", plugin.name);
        json.member("version", plugin.version);
        json.member("file", plugin.file);
        json.member("sdkVersion", plugin.sdk_version);
        json.member("abi", plugin.abi);
        json.end_object();
    }
    json.end_array();
    json.key("loadProblems");
    json.begin_array();
    for (const PluginIssue& issue : result.plugin_issues) {
        json.begin_object();
        json.member("file", issue.file);
        json.member("kind", to_string(issue.problem));
        json.member("message", issue.message);
        json.end_object();
    }
    json.end_array();

    json.key("configuration");
    json.begin_object();
    json.member_if("configFile", result.config_file);
    json.member_if("selection", result.selection);
    json.key("tolerance");
    json.begin_object();
    json.member("halfUnit", result.tolerance.half_unit.to_string(0));
    json.member("extra", result.tolerance.extra.to_string(0));
    json.end_object();
    json.key("rules");
    json.begin_array();
    for (const RuleSummary& rule : result.rules) {
        json.begin_object();
        json.member("id", rule.id);
        json.member("version", rule.version);
        json.member("plugin", rule.plugin);
        json.member_bool("enabled", rule.enabled);
        json.member("severity", to_string(rule.severity));
        json.end_object();
    }
    json.end_array();
    json.end_object();

    json.key("counts");
    json.begin_object();
    json.member("error", result.counts.error);
    json.member("warning", result.counts.warning);
    json.member("info", result.counts.info);
    json.member("total", result.counts.total());
    json.member("defects", result.defects.size());
    json.end_object();
}

}  // namespace

std::string write_audit_json(const AuditResult& result) {
    std::string out;
    JsonOut json(out);
    json.begin_object();
    json.member("formatVersion", std::uint64_t{1});
    add_header(json, result);
    json.key("findings");
    json.begin_array();
    for (std::size_t i = 0; i < result.findings.size(); ++i) add_finding(json, result, i);
    json.end_array();
    json.key("defects");
    json.begin_array();
    for (const Defect& defect : result.defects) {
        json.begin_object();
        json.member("id", defect.id);
        json.member_if("root", defect.root);
        json.member_if("corrected", defect.corrected);
        json.member("findings", defect.findings.size());
        json.end_object();
    }
    json.end_array();
    if (result.baseline) {
        json.key("baseline");
        json.begin_object();
        json.member("file", result.baseline->file);
        json.member("new", result.baseline->new_findings);
        json.member("unchanged", result.findings.size() - result.baseline->new_findings);
        json.key("fixed");
        json.begin_array();
        for (const BaselineFinding& fixed : result.baseline->fixed) {
            json.begin_object();
            json.member("rule", fixed.rule);
            json.member("severity", to_string(fixed.severity));
            json.member("fingerprint", fixed.fingerprint);
            json.key("message");
            json.begin_object();
            json.member("zh-CN", fixed.message_zh);
            json.member("en", fixed.message_en);
            json.end_object();
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_object();
    return out;
}

}  // namespace fincheck::engine
