#include <sstream>

#include <pugixml.hpp>

#include "fincheck/engine/audit_writers.hpp"

namespace fincheck::engine {
namespace {

void set_if(pugi::xml_node node, const char* name, std::string_view value) {
    if (!value.empty()) node.append_attribute(name).set_value(std::string(value).c_str());
}

void set(pugi::xml_node node, const char* name, std::string_view value) {
    node.append_attribute(name).set_value(std::string(value).c_str());
}

void add_text(pugi::xml_node parent, const char* name, std::string_view text) {
    parent.append_child(name).text().set(std::string(text).c_str());
}

void add_location(pugi::xml_node parent, const Location& location) {
    pugi::xml_node node = parent.append_child("location");
    set_if(node, "table", location.table);
    set_if(node, "row", location.row);
    set_if(node, "column", location.column);
    set_if(node, "section", location.section);
    if (location.block >= 0) set(node, "block", std::to_string(location.block));
    if (location.span_end > location.span_begin) {
        set(node, "span-begin", std::to_string(location.span_begin));
        set(node, "span-end", std::to_string(location.span_end));
    }
    if (location.line > 0) set(node, "line", std::to_string(location.line));
}

void add_header(pugi::xml_node root, const AuditResult& result) {
    pugi::xml_node header = root.append_child("header");
    pugi::xml_node tool = header.append_child("tool");
    set(tool, "name", "fincheck");
    set(tool, "version", result.tool_version);

    pugi::xml_node input = header.append_child("input");
    set(input, "file", result.input.file);
    set_if(input, "sha256", result.input.sha256);
    set_if(input, "source-file", result.source_file);
    set_if(input, "source-sha256", result.source_sha256);

    pugi::xml_node report = header.append_child("report");
    if (result.fiscal_year > 0) set(report, "fiscal-year", std::to_string(result.fiscal_year));
    set_if(report, "department", result.department);
    set_if(report, "title", result.title);

    pugi::xml_node plugins = header.append_child("plugins");
    for (const PluginSummary& plugin : result.plugins) {
        pugi::xml_node node = plugins.append_child("plugin");
        set(node, "name", plugin.name);
        set(node, "version", plugin.version);
        set(node, "file", plugin.file);
        set(node, "sdk-version", plugin.sdk_version);
        set(node, "abi", plugin.abi);
    }
    for (const PluginIssue& issue : result.plugin_issues) {
        pugi::xml_node node = plugins.append_child("load-problem");
        set(node, "file", issue.file);
        set(node, "kind", to_string(issue.problem));
        node.text().set(issue.message.c_str());
    }

    pugi::xml_node configuration = header.append_child("configuration");
    set_if(configuration, "config-file", result.config_file);
    set_if(configuration, "selection", result.selection);
    pugi::xml_node tolerance = configuration.append_child("tolerance");
    set(tolerance, "half-unit", result.tolerance.half_unit.to_string(0));
    set(tolerance, "extra", result.tolerance.extra.to_string(0));
    for (const RuleSummary& rule : result.rules) {
        pugi::xml_node node = configuration.append_child("rule");
        set(node, "id", rule.id);
        set(node, "version", rule.version);
        set(node, "plugin", rule.plugin);
        set(node, "enabled", rule.enabled ? "true" : "false");
        set(node, "severity", to_string(rule.severity));
        if (rule.severity_overridden) set(node, "severity-overridden", "true");
        for (const RuleOptionSummary& option : rule.options) {
            pugi::xml_node o = node.append_child("option");
            set(o, "name", option.name);
            set(o, "value", option.value);
            if (option.configured) set(o, "configured", "true");
        }
    }

    pugi::xml_node counts = header.append_child("counts");
    set(counts, "error", std::to_string(result.counts.error));
    set(counts, "warning", std::to_string(result.counts.warning));
    set(counts, "info", std::to_string(result.counts.info));
    set(counts, "total", std::to_string(result.counts.total()));
}

void add_finding(pugi::xml_node findings, const AuditedFinding& audited) {
    const Finding& f = audited.finding;
    pugi::xml_node node = findings.append_child("finding");
    set(node, "rule", f.rule_id);
    set(node, "severity", to_string(audited.severity));
    set(node, "plugin", audited.plugin);
    set_if(node, "message-id", f.message_id);
    pugi::xml_node zh = node.append_child("message");
    set(zh, "lang", "zh-CN");
    zh.text().set(audited.message_zh.c_str());
    pugi::xml_node en = node.append_child("message");
    set(en, "lang", "en");
    en.text().set(audited.message_en.c_str());
    add_location(node, f.location);
    if (!f.expected.empty()) add_text(node, "expected", f.expected);
    if (!f.actual.empty()) add_text(node, "actual", f.actual);
    if (f.difference) add_text(node, "difference", f.difference->to_string(2));
    if (f.tolerance) add_text(node, "tolerance", f.tolerance->to_string(2));
    for (const Evidence& evidence : f.evidence) {
        pugi::xml_node e = node.append_child("evidence");
        set(e, "role", evidence.role);
        set(e, "raw", evidence.raw);
        if (evidence.value) set(e, "value", evidence.value->to_string(2));
        add_location(e, evidence.location);
    }
}

}  // namespace

std::string write_audit_xml(const AuditResult& result) {
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("audit-report");
    set(root, "format-version", "1");
    add_header(root, result);
    pugi::xml_node findings = root.append_child("findings");
    for (const AuditedFinding& finding : result.findings) add_finding(findings, finding);
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(out).str();
}

}  // namespace fincheck::engine
