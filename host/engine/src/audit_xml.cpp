#include <cstdio>

#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/xml_out.hpp"

namespace fincheck::engine {
namespace {

// Written directly rather than through a pugixml tree: the same bytes (see xml_out.hpp),
// with one growing string instead of a node and a copied string per attribute.

// "x0 y0 x1 y1" in PDF points from the page's top-left corner, one decimal: the same bytes
// on every machine.
std::string format_box(const PageBox& box) {
    char text[96];
    std::snprintf(text, sizeof text, "%.1f %.1f %.1f %.1f", box.x_min, box.y_min, box.x_max, box.y_max);
    return text;
}

void add_location(XmlOut& xml, const Location& location, const std::vector<PageBox>& line_origin) {
    xml.open("location");
    xml.attribute_if("table", location.table);
    xml.attribute_if("row", location.row);
    xml.attribute_if("column", location.column);
    xml.attribute_if("section", location.section);
    if (location.block >= 0) xml.attribute("block", static_cast<std::uint64_t>(location.block));
    if (location.span_end > location.span_begin) {
        xml.attribute("span-begin", location.span_begin);
        xml.attribute("span-end", location.span_end);
    }
    if (location.line > 0) xml.attribute("line", location.line);
    if (const PageBox* origin = origin_of_line(line_origin, location.line)) {
        xml.attribute("page", static_cast<std::uint64_t>(origin->page));
        xml.attribute("bbox", format_box(*origin));
    }
    xml.close();
}

// <message lang="zh-CN">…</message><message lang="en">…</message>
void add_messages(XmlOut& xml, std::string_view zh, std::string_view en) {
    xml.open("message");
    xml.attribute("lang", "zh-CN");
    xml.text(zh);
    xml.open("message");
    xml.attribute("lang", "en");
    xml.text(en);
}

// "kind" and "place" of a setting that did not come from the rule's own default.
void add_source(XmlOut& xml, std::string_view prefix, const ExplainedSource& source) {
    if (source.kind.empty() || source.kind == "built-in") return;
    xml.attribute(std::string(prefix) + "-source", source.kind);
    xml.attribute_if(std::string(prefix) + "-at", source.at);
}

// Only where a plugin (a region's pack) changed the run's tolerance for this rule.
void add_rule_tolerance(XmlOut& xml, const RuleSummary& rule) {
    if (!rule.tolerance_from_plugin) return;
    xml.open("tolerance");
    xml.attribute("half-unit", rule.tolerance.half_unit.to_string(0));
    add_source(xml, "half-unit", rule.half_unit_source);
    xml.attribute("extra", rule.tolerance.extra.to_string(0));
    add_source(xml, "extra", rule.extra_source);
    if (rule.absolute) {
        xml.attribute("absolute", rule.absolute->to_string(0));
        add_source(xml, "absolute", rule.absolute_source);
    }
    xml.close();
}

void add_configuration(XmlOut& xml, const AuditResult& result);

void add_header(XmlOut& xml, const AuditResult& result) {
    xml.open("header");
    xml.open("tool");
    xml.attribute("name", "fincheck");
    xml.attribute("version", result.tool_version);
    xml.close();

    xml.open("input");
    xml.attribute("file", result.input.file);
    xml.attribute_if("sha256", result.input.sha256);
    xml.attribute_if("source-file", result.source_file);
    xml.attribute_if("source-sha256", result.source_sha256);
    xml.close();

    xml.open("report");
    if (result.fiscal_year > 0) xml.attribute("fiscal-year", std::to_string(result.fiscal_year));
    xml.attribute_if("department", result.department);
    xml.attribute_if("title", result.title);
    xml.close();

    xml.open("plugins");
    for (const PluginSummary& plugin : result.plugins) {
        xml.open("plugin");
        xml.attribute("name", plugin.name);
        xml.attribute("version", plugin.version);
        xml.attribute("file", plugin.file);
        xml.attribute("sdk-version", plugin.sdk_version);
        xml.attribute("abi", plugin.abi);
        xml.close();
    }
    for (const PluginIssue& issue : result.plugin_issues) {
        xml.open("load-problem");
        xml.attribute("file", issue.file);
        xml.attribute("kind", to_string(issue.problem));
        xml.text(issue.message);
    }
    xml.close();

    add_configuration(xml, result);

    xml.open("counts");
    xml.attribute("error", result.counts.error);
    xml.attribute("warning", result.counts.warning);
    xml.attribute("info", result.counts.info);
    xml.attribute("total", result.counts.total());
    xml.attribute("defects", result.defects.size());
    xml.close();
    xml.close();
}

void add_configuration(XmlOut& xml, const AuditResult& result) {
    xml.open("configuration");
    xml.attribute_if("config-file", result.config_file);
    xml.attribute_if("selection", result.selection);
    xml.open("tolerance");
    xml.attribute("half-unit", result.tolerance.half_unit.to_string(0));
    xml.attribute("extra", result.tolerance.extra.to_string(0));
    xml.close();
    for (const PluginNote& note : result.plugin_notes) {
        xml.open("plugin-note");
        xml.attribute("plugin", note.plugin);
        add_messages(xml, note.zh, note.en);
        xml.close();
    }
    for (const RuleSummary& rule : result.rules) {
        xml.open("rule");
        xml.attribute("id", rule.id);
        xml.attribute("version", rule.version);
        xml.attribute("plugin", rule.plugin);
        xml.attribute("enabled", rule.enabled ? "true" : "false");
        add_source(xml, "enabled", rule.enabled_source);
        xml.attribute("severity", to_string(rule.severity));
        if (rule.severity_overridden) xml.attribute("severity-overridden", "true");
        add_source(xml, "severity", rule.severity_source);
        add_rule_tolerance(xml, rule);
        for (const RuleOptionSummary& option : rule.options) {
            xml.open("option");
            xml.attribute("name", option.name);
            xml.attribute("value", option.value);
            if (option.configured) xml.attribute("configured", "true");
            xml.close();
        }
        xml.close();
    }
    xml.close();
}

// `baseline_state`: "new" or "unchanged" under check --baseline, else empty.
void add_finding(XmlOut& xml, const AuditedFinding& audited, const std::vector<Defect>& defects,
                 const std::vector<PageBox>& line_origin, std::string_view baseline_state) {
    const Finding& f = audited.finding;
    xml.open("finding");
    xml.attribute("rule", f.rule_id);
    xml.attribute("severity", to_string(audited.severity));
    xml.attribute("plugin", audited.plugin);
    if (audited.defect < defects.size()) xml.attribute("defect", defects[audited.defect].id);
    xml.attribute_if("message-id", f.message_id);
    xml.attribute_if("fingerprint", audited.fingerprint);
    xml.attribute_if("baseline", baseline_state);
    add_messages(xml, audited.message_zh, audited.message_en);
    add_location(xml, f.location, line_origin);
    if (!f.expected.empty()) xml.text_element("expected", f.expected);
    if (!f.actual.empty()) xml.text_element("actual", f.actual);
    if (f.difference) xml.text_element("difference", f.difference->to_string(2));
    if (f.tolerance) xml.text_element("tolerance", f.tolerance->to_string(2));
    for (const Evidence& evidence : f.evidence) {
        xml.open("evidence");
        xml.attribute("role", evidence.role);
        xml.attribute("raw", evidence.raw);
        if (evidence.value) xml.attribute("value", evidence.value->to_string(2));
        add_location(xml, evidence.location, line_origin);
        xml.close();
    }
    xml.close();
}

}  // namespace

void write_audit_xml(const AuditResult& result, std::string& out) {
    out.clear();
    XmlOut xml(out);
    xml.declaration();
    xml.open("audit-report");
    xml.attribute("format-version", "1");
    add_header(xml, result);
    xml.open("findings");
    for (std::size_t i = 0; i < result.findings.size(); ++i)
        add_finding(xml, result.findings[i], result.defects, result.input.line_origin,
                    !result.baseline ? "" : result.baseline->is_new[i] ? "new" : "unchanged");
    xml.close();
    // Findings by root cause: what to correct, and which findings the correction answers.
    xml.open("defects");
    for (const Defect& defect : result.defects) {
        xml.open("defect");
        xml.attribute("id", defect.id);
        xml.attribute_if("root", defect.root);
        xml.attribute_if("corrected", defect.corrected);
        xml.attribute("findings", defect.findings.size());
        xml.close();
    }
    xml.close();
    if (const std::optional<BaselineComparison>& baseline = result.baseline) {
        xml.open("baseline");
        xml.attribute("file", baseline->file);
        xml.attribute("new", baseline->new_findings);
        xml.attribute("unchanged", result.findings.size() - baseline->new_findings);
        xml.attribute("fixed", baseline->fixed.size());
        for (const BaselineFinding& fixed : baseline->fixed) {
            xml.open("fixed");
            xml.attribute("rule", fixed.rule);
            xml.attribute("severity", to_string(fixed.severity));
            xml.attribute("fingerprint", fixed.fingerprint);
            add_messages(xml, fixed.message_zh, fixed.message_en);
            xml.close();
        }
        xml.close();
    }
    xml.close();
}

std::string write_explanation_xml(const AuditResult& result) {
    std::string out;
    XmlOut xml(out);
    xml.declaration();
    xml.open("explanation");
    xml.attribute("format-version", "1");
    xml.open("input");
    xml.attribute("file", result.input.file);
    xml.attribute_if("sha256", result.input.sha256);
    xml.close();
    xml.open("report");
    xml.attribute_if("region", result.region);
    xml.attribute("level", result.level);
    xml.attribute_if("template", result.template_name);
    if (result.fiscal_year > 0) xml.attribute("fiscal-year", std::to_string(result.fiscal_year));
    xml.attribute_if("department", result.department);
    xml.close();
    add_configuration(xml, result);
    xml.close();
    return out;
}

std::string write_audit_xml(const AuditResult& result) {
    std::string out;
    write_audit_xml(result, out);
    return out;
}

}  // namespace fincheck::engine
