// The audit XML writer writes its bytes directly (fincheck/engine/xml_out.hpp) instead of
// building a pugixml tree. These tests keep the tree-based writer it replaced as the
// reference and require the same bytes, for ordinary audits and for values that exercise
// every escaping rule (markup characters, control bytes, a NUL, empty texts, CJK).
#include <gtest/gtest.h>

#include <sstream>

#include <pugixml.hpp>

#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/engine.hpp"
#include "fincheck/engine/xml_out.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

// ---- the pugixml writer of the audit report, as it was before xml_out.hpp ---------------

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

void add_messages(pugi::xml_node node, const std::string& zh_text, const std::string& en_text) {
    pugi::xml_node zh = node.append_child("message");
    set(zh, "lang", "zh-CN");
    zh.text().set(zh_text.c_str());
    pugi::xml_node en = node.append_child("message");
    set(en, "lang", "en");
    en.text().set(en_text.c_str());
}

void set_source(pugi::xml_node node, const std::string& prefix, const ExplainedSource& source) {
    if (source.kind.empty() || source.kind == "built-in") return;
    set(node, (prefix + "-source").c_str(), source.kind);
    set_if(node, (prefix + "-at").c_str(), source.at);
}

std::string reference_audit_xml(const AuditResult& result) {
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("audit-report");
    set(root, "format-version", "1");
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
    for (const PluginNote& note : result.plugin_notes) {
        pugi::xml_node node = configuration.append_child("plugin-note");
        set(node, "plugin", note.plugin);
        add_messages(node, note.zh, note.en);
    }
    for (const RuleSummary& rule : result.rules) {
        pugi::xml_node node = configuration.append_child("rule");
        set(node, "id", rule.id);
        set(node, "version", rule.version);
        set(node, "plugin", rule.plugin);
        set(node, "enabled", rule.enabled ? "true" : "false");
        set_source(node, "enabled", rule.enabled_source);
        set(node, "severity", to_string(rule.severity));
        if (rule.severity_overridden) set(node, "severity-overridden", "true");
        set_source(node, "severity", rule.severity_source);
        if (rule.tolerance_from_plugin) {
            pugi::xml_node t = node.append_child("tolerance");
            set(t, "half-unit", rule.tolerance.half_unit.to_string(0));
            set_source(t, "half-unit", rule.half_unit_source);
            set(t, "extra", rule.tolerance.extra.to_string(0));
            set_source(t, "extra", rule.extra_source);
            if (rule.absolute) {
                set(t, "absolute", rule.absolute->to_string(0));
                set_source(t, "absolute", rule.absolute_source);
            }
        }
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
    set(counts, "defects", std::to_string(result.defects.size()));
    pugi::xml_node findings = root.append_child("findings");
    for (const AuditedFinding& audited : result.findings) {
        const Finding& f = audited.finding;
        pugi::xml_node node = findings.append_child("finding");
        set(node, "rule", f.rule_id);
        set(node, "severity", to_string(audited.severity));
        set(node, "plugin", audited.plugin);
        if (audited.defect < result.defects.size()) set(node, "defect", result.defects[audited.defect].id);
        set_if(node, "message-id", f.message_id);
        set_if(node, "fingerprint", audited.fingerprint);
        add_messages(node, audited.message_zh, audited.message_en);
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
    pugi::xml_node defects = root.append_child("defects");
    for (const Defect& defect : result.defects) {
        pugi::xml_node d = defects.append_child("defect");
        set(d, "id", defect.id);
        set_if(d, "root", defect.root);
        set_if(d, "corrected", defect.corrected);
        set(d, "findings", std::to_string(defect.findings.size()));
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(out).str();
}

// Every ASCII character XML allows, then CJK and a character beyond the BMP.
std::string every_byte() {
    std::string text = "\t\n\r";
    for (int c = 32; c < 128; ++c) text += static_cast<char>(c);
    return text + "合计行\xF0\xA0\x80\x80";
}

AuditResult audit_of_the_test_plugins() {
    EngineCreation created = Engine::create(test::options_with_load_problems());
    EXPECT_TRUE(created.engine);
    return created.engine->audit(test::report_with_blank_total(), {}, AuditInput{"report.xml", std::string(64, 'a')});
}

TEST(AuditXmlBytes, AreThoseOfThePugixmlTreeForAnOrdinaryAudit) {
    const AuditResult result = audit_of_the_test_plugins();
    ASSERT_FALSE(result.findings.empty());
    ASSERT_FALSE(result.plugin_issues.empty());
    EXPECT_EQ(write_audit_xml(result), reference_audit_xml(result));
}

TEST(AuditXmlBytes, EscapeEveryCharacterAsPugixmlDoes) {
    AuditResult result = audit_of_the_test_plugins();
    result.department = every_byte();
    result.title = "标题 \"引号\" & <尖括号> 'apos'";
    result.input.file = "报告 \"1\".xml";
    result.selection = "a,b";
    result.config_file = "fincheck.xml";
    RuleSummary rule;
    rule.id = "rule-with-options";
    rule.version = "1.0";
    rule.plugin = "p";
    rule.enabled = false;
    rule.enabled_source = {"pack", "区 \"包\" <1>.xml:3"};
    rule.severity = Severity::info;
    rule.severity_overridden = true;
    rule.severity_source = {"config", "fincheck.xml:7"};
    rule.tolerance_from_plugin = true;
    rule.absolute = Decimal::from_int(1);
    rule.absolute_source = {"pack", "a&b.xml:9"};
    rule.options = {{"threshold", every_byte(), true}, {"empty", "", false}};
    result.rules.push_back(rule);
    result.plugin_notes.push_back({"p", every_byte(), ""});
    AuditedFinding tricky;
    tricky.finding.rule_id = "tricky";
    tricky.finding.message_id = "";
    tricky.message_zh = every_byte();
    tricky.message_en = "";  // an empty message is still <message lang="en"></message>
    tricky.finding.location.table = "01";
    tricky.finding.location.row = "<row & \"key\">";
    tricky.finding.location.column = "列\t1";
    tricky.finding.location.section = "第三部分\n五、";
    tricky.finding.location.block = 0;
    tricky.finding.location.span_begin = 3;
    tricky.finding.location.span_end = 9;
    tricky.finding.location.line = 4'000'000'000u;
    tricky.finding.expected = "a > b\r\n";
    tricky.finding.actual = every_byte();
    tricky.finding.difference = Decimal::from_int(-12);
    tricky.finding.tolerance = Decimal::from_units(5'000);
    tricky.finding.evidence.push_back({"part", {}, "", std::nullopt});
    tricky.finding.evidence.push_back({every_byte(), Location::at_line(3), "1,234.50", Decimal::from_int(1234)});
    result.findings.push_back(tricky);
    result.plugins.clear();
    EXPECT_EQ(write_audit_xml(result), reference_audit_xml(result));
}

TEST(AuditXmlBytes, ReusedBufferHoldsOnlyTheLastAudit) {
    const AuditResult result = audit_of_the_test_plugins();
    std::string buffer = "left over from an earlier report";
    write_audit_xml(result, buffer);
    EXPECT_EQ(buffer, reference_audit_xml(result));
}

TEST(XmlOut, IndentsFromTheGivenDepthAndClosesEmptyElementsInline) {
    std::string out;
    XmlOut xml(out, 1);
    xml.open("a");
    xml.attribute("n", std::uint64_t{42});
    xml.open("b");
    xml.close();
    xml.text_element("c", "x<y");
    xml.close();
    EXPECT_EQ(out, "  <a n=\"42\">\n    <b />\n    <c>x&lt;y</c>\n  </a>\n");
}

}  // namespace
}  // namespace fincheck::engine
