#include <string>

#include "fincheck/engine/audit_writers.hpp"

namespace fincheck::engine {

std::string_view severity_label(Severity severity, Language language) {
    if (language == Language::en) return to_string(severity);
    switch (severity) {
        case Severity::error: return "错误";
        case Severity::warning: return "警告";
        case Severity::info: break;
    }
    return "提示";
}

const PageBox* origin_of_line(const std::vector<PageBox>& line_origin, SourceLine line) {
    if (line == 0 || line >= line_origin.size() || line_origin[line].page <= 0) return nullptr;
    return &line_origin[line];
}

std::string describe_location(const Location& location, Language language, const std::vector<PageBox>* line_origin) {
    std::string out;
    if (!location.table.empty()) {
        out = location.table;
        if (!location.row.empty()) out += "/" + location.row;
        if (!location.column.empty()) out += "/" + location.column;
    } else if (location.block >= 0) {
        out = (language == Language::zh ? "段落 " : "block ") + std::to_string(location.block);
        if (!location.section.empty()) out += "（" + location.section + "）";
    } else if (!location.section.empty()) {
        out = location.section;
    }
    if (const PageBox* origin = line_origin ? origin_of_line(*line_origin, location.line) : nullptr) {
        if (!out.empty()) out += " ";
        out += language == Language::zh ? "第 " + std::to_string(origin->page) + " 页"
                                        : "page " + std::to_string(origin->page);
    } else if (location.line > 0) {
        if (!out.empty()) out += " ";
        out += language == Language::zh ? "第 " + std::to_string(location.line) + " 行"
                                        : "line " + std::to_string(location.line);
    }
    return out;
}

std::string write_audit_text(const AuditResult& result, const TextOptions& options) {
    const bool zh = options.language == Language::zh;
    std::string out;
    if (options.header) {
        out += "fincheck " + result.tool_version + (zh ? " 审计报告\n" : " audit report\n");
        out += (zh ? "文件：" : "File: ") + result.input.file;
        if (!result.input.sha256.empty()) out += " (sha256 " + result.input.sha256.substr(0, 16) + "…)";
        out += "\n";
        if (!result.department.empty() || result.fiscal_year > 0) {
            out += zh ? "部门：" : "Department: ";
            out += result.department.empty() ? "-" : result.department;
            if (result.fiscal_year > 0)
                out += (zh ? "  年度：" : "  fiscal year: ") + std::to_string(result.fiscal_year);
            out += "\n";
        }
        out += zh ? "插件：" : "Plugins: ";
        if (result.plugins.empty()) out += zh ? "（无）" : "(none)";
        for (std::size_t i = 0; i < result.plugins.size(); ++i)
            out += (i ? ", " : "") + result.plugins[i].name + " " + result.plugins[i].version;
        out += "\n";
        for (const PluginIssue& issue : result.plugin_issues)
            out += (zh ? "  未加载 " : "  not loaded ") + issue.file + ": " + issue.message + "\n";
        std::size_t enabled = 0;
        for (const RuleSummary& rule : result.rules) enabled += rule.enabled ? 1 : 0;
        out += (zh ? "启用规则：" : "Rules enabled: ") + std::to_string(enabled) + "/" +
               std::to_string(result.rules.size());
        if (!result.config_file.empty()) out += (zh ? "  配置：" : "  config: ") + result.config_file;
        out += "\n";
    }
    out += zh ? "发现：错误 " + std::to_string(result.counts.error) + "，警告 " +
                    std::to_string(result.counts.warning) + "，提示 " + std::to_string(result.counts.info)
              : "Findings: " + std::to_string(result.counts.error) + " error(s), " +
                    std::to_string(result.counts.warning) + " warning(s), " + std::to_string(result.counts.info) +
                    " info";
    // Findings of one wrong cell count once as a defect (root_cause.hpp).
    if (result.defects.size() != result.findings.size())
        out += zh ? "；按根因合并为 " + std::to_string(result.defects.size()) + " 处缺陷"
                  : "; " + std::to_string(result.defects.size()) + " defect(s) by root cause";
    out += "\n";
    if (const std::optional<BaselineComparison>& baseline = result.baseline) {
        const std::string fresh = std::to_string(baseline->new_findings);
        const std::string fixed = std::to_string(baseline->fixed.size());
        const std::string same = std::to_string(result.findings.size() - baseline->new_findings);
        out += zh ? "相对基线 " + baseline->file + "：新增 " + fresh + "，已修复 " + fixed + "，未变 " + same + "\n"
                  : "Against the baseline " + baseline->file + ": " + fresh + " new, " + fixed + " fixed, " + same +
                        " unchanged\n";
    }
    std::size_t shown = 0;
    for (std::size_t index = 0; index < result.findings.size(); ++index) {
        const AuditedFinding& finding = result.findings[index];
        if (shown == options.max_findings) {
            std::size_t rest = result.findings.size() - shown;
            out += zh ? "……另有 " + std::to_string(rest) + " 条，完整列表见审计报告\n"
                      : "… " + std::to_string(rest) + " more; see the full audit report\n";
            break;
        }
        ++shown;
        out += "[" + std::string(severity_label(finding.severity, options.language)) + "]";
        if (result.baseline && result.baseline->is_new[index]) out += zh ? "[新增]" : "[new]";
        out += " " + finding.finding.rule_id;
        std::string where = describe_location(finding.finding.location, options.language, &result.input.line_origin);
        if (!where.empty()) out += " @ " + where;
        out += "\n    " + (zh ? finding.message_zh : finding.message_en) + "\n";
        if (!finding.finding.expected.empty() || !finding.finding.actual.empty()) {
            out += zh ? "    应为 " : "    expected ";
            out += finding.finding.expected.empty() ? "-" : finding.finding.expected;
            out += zh ? "，实为 " : ", actual ";
            out += finding.finding.actual.empty() ? "-" : finding.finding.actual;
            out += "\n";
        }
        if (finding.defect < result.defects.size()) {
            const Defect& defect = result.defects[finding.defect];
            if (defect.findings.size() > 1) {
                out += zh ? "    根因 " + defect.id + "：" + defect.root : "    root cause " + defect.id + ": " + defect.root;
                if (!defect.corrected.empty()) out += (zh ? " 应为 " : " should be ") + defect.corrected;
                out += zh ? "（同一根因 " + std::to_string(defect.findings.size()) + " 条发现）\n"
                          : " (" + std::to_string(defect.findings.size()) + " findings share it)\n";
            }
        }
    }
    if (result.baseline)
        for (const BaselineFinding& fixed : result.baseline->fixed)
            out += (zh ? "[已修复] " : "[fixed] ") + fixed.rule + "\n    " + (zh ? fixed.message_zh : fixed.message_en) + "\n";
    return out;
}

}  // namespace fincheck::engine
