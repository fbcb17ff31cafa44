#include "fincheck/engine/audit_baseline.hpp"

#include <map>

#include <pugixml.hpp>

#include "fincheck/engine/input_file.hpp"

namespace fincheck::engine {
namespace {

// The line and column of byte `offset` of `text`, both 1-based.
std::pair<std::uint32_t, std::uint32_t> line_and_column(std::string_view text, std::size_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string message(const pugi::xml_node& finding, std::string_view lang) {
    for (pugi::xml_node m : finding.children("message"))
        if (lang == m.attribute("lang").as_string()) return m.text().as_string();
    return {};
}

}  // namespace

BaselineLoad read_baseline_audit(const std::filesystem::path& file) {
    const std::string name = display_name(file.string());
    BaselineLoad load;
    auto fail = [&](std::string text, std::uint32_t line = 0, std::uint32_t column = 0) {
        load.error = LoadError{name, line, column, std::move(text)};
        return std::move(load);
    };
    InputBytes read = read_input_bytes(file);
    if (read.error) return fail("基线审计文件无法读取 / the baseline audit cannot be read: " + read.error->message);
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(read.bytes.data(), read.bytes.size());
    if (!parsed) {
        const auto [line, column] = line_and_column(read.bytes, static_cast<std::size_t>(parsed.offset));
        return fail(std::string("基线审计文件不是完整的 XML / the baseline audit is not well-formed XML: ") + parsed.description(),
                    line, column);
    }
    const pugi::xml_node root = doc.child("audit-report");
    if (!root) return fail("基线文件不是审计报告 / the baseline is not an audit report (no <audit-report>)");
    BaselineAudit audit;
    // The name only, as the audit names its input: the output must not depend on the folder.
    audit.file = display_name(file.filename().string());
    for (pugi::xml_node f : root.child("findings").children("finding")) {
        BaselineFinding finding;
        finding.rule = f.attribute("rule").as_string();
        finding.severity = severity_from_string(f.attribute("severity").as_string()).value_or(Severity::error);
        finding.fingerprint = f.attribute("fingerprint").as_string();
        if (finding.fingerprint.empty()) {
            const auto [line, column] = line_and_column(read.bytes, static_cast<std::size_t>(f.offset_debug()));
            return fail("基线审计中的发现没有指纹（由较早版本写出），请重新审核该报告 / a finding of the baseline audit has no "
                        "fingerprint (written by an earlier fincheck); audit that report again",
                        line, column);
        }
        finding.message_zh = message(f, "zh-CN");
        finding.message_en = message(f, "en");
        audit.findings.push_back(std::move(finding));
    }
    load.audit = std::move(audit);
    return load;
}

void compare_with_baseline(AuditResult& result, const BaselineAudit& baseline) {
    std::map<std::string_view, std::size_t> unmatched;  // fingerprint → findings of the baseline not yet matched
    for (const BaselineFinding& f : baseline.findings) ++unmatched[f.fingerprint];
    BaselineComparison comparison;
    comparison.file = baseline.file;
    comparison.is_new.reserve(result.findings.size());
    for (const AuditedFinding& f : result.findings) {
        auto it = unmatched.find(f.fingerprint);
        const bool is_new = it == unmatched.end() || it->second == 0;
        comparison.is_new.push_back(is_new);
        if (!is_new) {
            --it->second;
            continue;
        }
        ++comparison.new_findings;
        comparison.new_counts.add(f.severity);
    }
    // Of each fingerprint, the baseline's first findings are the ones still there, the rest gone.
    std::map<std::string_view, std::size_t> still_there;
    for (const BaselineFinding& f : baseline.findings) ++still_there[f.fingerprint];
    for (auto& [fingerprint, count] : still_there) count -= unmatched[fingerprint];
    for (const BaselineFinding& f : baseline.findings) {
        std::size_t& left = still_there[f.fingerprint];
        if (left > 0) --left;
        else comparison.fixed.push_back(f);
    }
    result.baseline = std::move(comparison);
}

}  // namespace fincheck::engine
