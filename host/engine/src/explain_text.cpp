// fincheck explain as text: one line per rule, so that `grep rule-id` answers "does it run,
// at what severity, and who said so".
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "fincheck/engine/audit_writers.hpp"

namespace fincheck::engine {
namespace {

// Plugins that share the rule packs (arith and xtab) choose the same pack for a report unless
// their settings differ: one line per distinct note, naming every plugin that made it.
std::vector<std::pair<std::string, std::string>> notes_by_text(const std::vector<PluginNote>& notes, bool zh) {
    std::vector<std::pair<std::string, std::string>> out;  // text, "plugin, plugin"
    for (const PluginNote& note : notes) {
        const std::string& text = zh ? note.zh : note.en;
        auto same = std::find_if(out.begin(), out.end(), [&](const auto& line) { return line.first == text; });
        if (same == out.end()) out.emplace_back(text, note.plugin);
        else same->second += ", " + note.plugin;
    }
    return out;
}

std::string source_text(const ExplainedSource& source, bool zh) {
    const std::string at = source.at.empty() ? "" : " " + source.at;
    if (source.kind.empty() || source.kind == "built-in") return zh ? "内置默认" : "built-in default";
    if (source.kind == "config") return (zh ? "配置" : "config") + at;
    if (source.kind == "command-line") return (zh ? "命令行" : "command line") + at;
    if (source.kind == "pack") return (zh ? "规则包" : "pack") + at;
    if (source.kind == "not-in-pack") return (zh ? "所选规则包不含此规则" : "not in the selected pack") + at;
    if (source.kind == "no-pack") return zh ? "未选用规则包" : "no pack selected";
    return source.kind + at;
}

std::string with_source(const std::string& value, const ExplainedSource& source, bool zh) {
    return zh ? value + "（" + source_text(source, zh) + "）" : value + " (" + source_text(source, zh) + ")";
}

std::string or_unknown(const std::string& value, bool zh) {
    if (!value.empty()) return value;
    return zh ? "（未知）" : "(unknown)";
}

// The level as the report XML writes it, with its Chinese name: 区县级 (district).
std::string level_text(const std::string& level, bool zh) {
    if (level == "unknown") return zh ? "（未知）" : "(unknown)";
    if (!zh) return level;
    return std::string(name_zh(admin_level_from_string(level))) + "（" + level + "）";
}

std::string tolerance_text(const Tolerance& tolerance, const ExplainedSource& half_unit, const ExplainedSource& extra,
                           bool zh) {
    return (zh ? "半单位 " : "half-unit ") + with_source(tolerance.half_unit.to_string(0), half_unit, zh) +
           (zh ? "，额外 " : ", extra ") + with_source(tolerance.extra.to_string(0), extra, zh);
}

std::string rule_line(const RuleSummary& rule, bool zh) {
    std::string line = "  " + rule.id + " [" + rule.plugin + "]  ";
    line += with_source(rule.enabled ? (zh ? "启用" : "enabled") : (zh ? "停用" : "disabled"), rule.enabled_source, zh);
    line += (zh ? "  级别 " : "  severity ") + with_source(std::string(to_string(rule.severity)), rule.severity_source, zh);
    line += (zh ? "  容差 " : "  tolerance ") +
            tolerance_text(rule.tolerance, rule.half_unit_source, rule.extra_source, zh);
    if (rule.absolute)
        line += (zh ? "，固定上限 " : ", absolute ") + with_source(rule.absolute->to_string(0), rule.absolute_source, zh);
    return line + "\n";
}

}  // namespace

std::string write_explanation_text(const AuditResult& result, Language language) {
    const bool zh = language == Language::zh;
    std::string out = (zh ? "fincheck explain：" : "fincheck explain: ") + result.input.file + "\n";
    out += zh ? "报告\n" : "Report\n";
    out += (zh ? "  地区：" : "  region: ") + or_unknown(result.region, zh) + "\n";
    out += (zh ? "  级别：" : "  level: ") + level_text(result.level, zh) + "\n";
    out += (zh ? "  模板：" : "  template: ") + or_unknown(result.template_name, zh) + "\n";
    out += (zh ? "  年度：" : "  fiscal year: ") +
           (result.fiscal_year > 0 ? std::to_string(result.fiscal_year) : or_unknown("", zh)) + "\n";
    out += (zh ? "  部门：" : "  department: ") + or_unknown(result.department, zh) + "\n";
    out += zh ? "配置\n" : "Configuration\n";
    out += (zh ? "  配置文件：" : "  config file: ") + (result.config_file.empty() ? (zh ? "（无）" : "(none)") : result.config_file) + "\n";
    if (!result.selection.empty()) out += (zh ? "  规则选择：" : "  selection: ") + result.selection + "\n";
    out += (zh ? "  容差：" : "  tolerance: ") +
           tolerance_text(result.tolerance, result.half_unit_source, result.extra_source, zh) + "\n";
    if (!result.plugin_notes.empty()) out += zh ? "规则包\n" : "Rule packs\n";
    for (const auto& [text, plugins] : notes_by_text(result.plugin_notes, zh)) out += "  [" + plugins + "] " + text + "\n";
    std::size_t enabled = 0;
    for (const RuleSummary& rule : result.rules) enabled += rule.enabled ? 1 : 0;
    out += zh ? "规则（" + std::to_string(result.rules.size()) + " 条，启用 " + std::to_string(enabled) + " 条）\n"
              : "Rules (" + std::to_string(result.rules.size()) + ", " + std::to_string(enabled) + " enabled)\n";
    for (const RuleSummary& rule : result.rules) out += rule_line(rule, zh);
    return out;
}

}  // namespace fincheck::engine
