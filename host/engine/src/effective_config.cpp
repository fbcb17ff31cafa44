#include "fincheck/engine/effective_config.hpp"

#include <exception>
#include <map>
#include <utility>

namespace fincheck::engine {
namespace {

// Plugin::explain is the vtable slot after rules(); an ABI 1.0 plugin has none there.
constexpr std::uint32_t kFirstMinorWithExplain = 1;

bool can_explain(const LoadedPlugin& plugin) {
    return plugin.instance && plugin.abi_major == kAbiMajor && plugin.abi_minor >= kFirstMinorWithExplain;
}

// The plugin's explanation, or a note saying why there is none: a throw must not stop an
// audit whose rules would run fine.
ReportExplanation ask(const LoadedPlugin& plugin, const Report& report) {
    try {
        return plugin.instance->explain(report);
    } catch (const std::exception& e) {
        return {{{std::string("插件无法说明其配置：") + e.what(), std::string("the plugin could not explain its configuration: ") + e.what()}}, {}};
    } catch (...) {
        return {{{"插件无法说明其配置", "the plugin could not explain its configuration"}}, {}};
    }
}

void apply(RuleSummary& rule, const ExplainedRule& said) {
    if (rule.enabled && !said.runs) {
        rule.enabled = false;
        rule.enabled_source = said.disabled_by;
    }
    if (said.severity && !rule.severity_overridden) {
        rule.severity = *said.severity;
        rule.severity_source = said.severity_source;
    }
    rule.tolerance_from_plugin = said.half_unit || said.extra || said.absolute;
    if (said.half_unit) {
        rule.tolerance.half_unit = *said.half_unit;
        rule.half_unit_source = said.half_unit_source;
    }
    if (said.extra) {
        rule.tolerance.extra = *said.extra;
        rule.extra_source = said.extra_source;
    }
    if (said.absolute) {
        rule.absolute = said.absolute;
        rule.absolute_source = said.absolute_source;
    }
}

}  // namespace

EffectiveConfiguration effective_configuration(const AuditPlan& plan, const PluginSet& plugins, const Report& report) {
    EffectiveConfiguration out;
    // Keyed by plugin and rule: a plugin speaks only for its own rules.
    std::map<std::pair<std::string, std::string>, ExplainedRule> said_about;
    for (const LoadedPlugin& plugin : plugins.plugins()) {
        if (!can_explain(plugin)) continue;
        ReportExplanation explanation = ask(plugin, report);
        for (ExplainedNote& note : explanation.notes) out.notes.push_back({plugin.name, std::move(note.zh), std::move(note.en)});
        for (ExplainedRule& rule : explanation.rules) said_about.emplace(std::pair(plugin.name, rule.rule_id), std::move(rule));
    }

    out.rules.reserve(plan.rules.size());
    for (const RulePlan& planned : plan.rules) {
        const RuleMeta& meta = *planned.entry->meta;
        RuleSummary rule;
        rule.id = meta.id;
        rule.version = meta.version;
        rule.plugin = planned.entry->plugin;
        rule.title_zh = meta.title_zh;
        rule.title_en = meta.title_en;
        rule.category = meta.category;
        rule.docs = meta.docs;
        rule.enabled = planned.enabled;
        rule.enabled_source = planned.enabled_source;
        rule.severity = planned.severity;
        rule.severity_overridden = planned.severity_overridden;
        rule.severity_source = planned.severity_source;
        rule.tolerance = plan.tolerance;
        rule.half_unit_source = plan.half_unit_source;
        rule.extra_source = plan.extra_source;
        for (const auto& [name, value] : planned.options)
            rule.options.push_back({name, value, planned.option_configured.at(name)});
        if (auto said = said_about.find(std::pair(rule.plugin, rule.id)); said != said_about.end())
            apply(rule, said->second);
        out.rules.push_back(std::move(rule));
    }
    return out;
}

}  // namespace fincheck::engine
