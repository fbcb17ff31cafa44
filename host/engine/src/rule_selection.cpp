#include "fincheck/engine/rule_selection.hpp"

#include <charconv>

#include "fincheck/engine/glob.hpp"
#include "fincheck/engine/host_rules.hpp"
#include "fincheck/nearest_name.hpp"
#include "fincheck/number_text.hpp"
#include "fincheck/text/compact.hpp"

namespace fincheck::engine {

const RulePlan* AuditPlan::find(std::string_view rule_id) const {
    for (const RulePlan& rule : rules)
        if (rule.entry->meta->id == rule_id) return &rule;
    return nullptr;
}

namespace {

bool value_fits(OptionType type, const std::string& value) {
    switch (type) {
        case OptionType::integer: {
            long long parsed = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
            return ec == std::errc{} && ptr == value.data() + value.size();
        }
        case OptionType::decimal: return parse_number(value).has_value();
        case OptionType::boolean:
            return value == "true" || value == "false" || value == "1" || value == "0" || value == "yes" ||
                   value == "no" || value == "on" || value == "off";
        case OptionType::string:
        case OptionType::list: break;
    }
    return true;
}

ConfigError error_at(const Config& config, SourcePosition position, std::string message) {
    return ConfigError{config.file.string(), position.line, position.column, std::move(message)};
}

std::vector<std::string> rule_ids(const std::vector<RuleEntry>& entries) {
    std::vector<std::string> ids;
    for (const RuleEntry& entry : entries) ids.push_back(entry.meta->id);
    return ids;
}

// A selection entry or <rule id> that matches no rule is a typo or a plugin that is not
// there: either way the run would be smaller than the user asked for.
std::string matches_no_rule(const std::string& what_zh, const std::string& what_en, std::string_view pattern,
                            const std::vector<RuleEntry>& entries) {
    const std::string p(pattern.substr(pattern.starts_with('-') ? 1 : 0));
    return what_zh + " 不匹配任何已加载的规则" + did_you_mean(p, rule_ids(entries)) + " / " + what_en +
           " matches no loaded rule";
}

}  // namespace

std::vector<std::string> apply_selection(std::string_view list, const std::vector<RuleEntry>& entries,
                                         std::vector<bool>& enabled, std::vector<bool>* decided) {
    std::vector<std::string> unmatched;
    std::vector<std::string_view> items = text::split_list(list, ',');
    if (decided) decided->assign(entries.size(), false);
    if (items.empty()) return unmatched;
    if (items.front().front() != '-') {
        enabled.assign(entries.size(), false);
        if (decided) decided->assign(entries.size(), true);
    }
    for (std::string_view item : items) {
        bool enable = item.front() != '-';
        std::string_view pattern = enable ? item : item.substr(1);
        bool matched = false;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (glob_match(pattern, entries[i].meta->id)) {
                enabled[i] = enable;
                if (decided) (*decided)[i] = true;
                matched = true;
            }
        }
        if (!matched) unmatched.emplace_back(item);
    }
    return unmatched;
}

PlanResult make_plan(const RuleRegistry& registry, const Config& config, std::string_view cli_selection) {
    AuditPlan plan;
    const std::vector<RuleEntry>& entries = registry.entries();
    if (!config.file.empty()) plan.config_file = config.file.filename().string();
    const auto in_config = [&](SourcePosition position) {
        return ExplainedSource{"config", plan.config_file + ":" + std::to_string(position.line)};
    };
    if (config.half_unit) {
        plan.tolerance.half_unit = *config.half_unit;
        plan.half_unit_source = in_config(config.tolerance_position);
    }
    if (config.extra) {
        plan.tolerance.extra = *config.extra;
        plan.extra_source = in_config(config.tolerance_position);
    }

    std::vector<bool> enabled(entries.size(), true);
    std::vector<ExplainedSource> enabled_source(entries.size(), ExplainedSource{"built-in", ""});
    std::vector<bool> decided;
    for (const std::string& item : apply_selection(config.select, entries, enabled, &decided))
        return {std::nullopt, error_at(config, config.select_position,
                                       matches_no_rule("<rules select> 中的 " + item, "the entry " + item + " of <rules select>", item, entries))};
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (decided[i]) enabled_source[i] = in_config(config.select_position);
    for (const RuleSetting& setting : config.rules) {
        if (!setting.enabled) continue;
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (glob_match(setting.pattern, entries[i].meta->id)) {
                enabled[i] = *setting.enabled;
                enabled_source[i] = in_config(setting.position);
            }
    }
    for (const std::string& item : apply_selection(cli_selection, entries, enabled, &decided))
        return {std::nullopt, ConfigError{"--rules", 0, 0, matches_no_rule("选择项 " + item, "the entry " + item, item, entries)}};
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (decided[i]) enabled_source[i] = ExplainedSource{"command-line", "--rules"};

    std::vector<std::string> parts;
    if (!config.select.empty()) parts.push_back(config.select);
    if (!cli_selection.empty()) parts.push_back(std::string(cli_selection));
    for (std::size_t i = 0; i < parts.size(); ++i) plan.selection += (i ? " then " : "") + parts[i];

    for (std::size_t i = 0; i < entries.size(); ++i) {
        const RuleMeta& meta = *entries[i].meta;
        RulePlan rule;
        rule.entry = &entries[i];
        // The host's own rules (internal-rule-error) cannot be deselected: a selection such as
        // "arith-*" must never hide that a rule crashed.
        rule.enabled = enabled[i] || entries[i].plugin == kHostPluginName;
        if (rule.enabled == enabled[i]) rule.enabled_source = enabled_source[i];
        rule.severity = meta.default_severity;
        for (const OptionSpec& option : meta.options) {
            rule.options[option.name] = option.default_value;
            rule.option_configured[option.name] = false;
        }
        plan.rules.push_back(std::move(rule));
    }

    for (const RuleSetting& setting : config.rules) {
        bool matched_any = false;
        std::map<std::string, bool> option_declared;
        for (const auto& [name, value] : setting.options) option_declared[name] = false;
        for (RulePlan& rule : plan.rules) {
            const RuleMeta& meta = *rule.entry->meta;
            if (!glob_match(setting.pattern, meta.id)) continue;
            matched_any = true;
            if (setting.severity) {
                rule.severity = *setting.severity;
                rule.severity_overridden = true;
                rule.severity_source = in_config(setting.position);
            }
            for (const auto& [name, value] : setting.options) {
                const OptionSpec* spec = meta.option(name);
                if (!spec) continue;
                option_declared[name] = true;
                if (!value_fits(spec->type, value))
                    return {std::nullopt,
                            error_at(config, setting.option_positions.at(name),
                                     "规则 " + meta.id + " 的选项 " + name + " 应为 " + std::string(to_string(spec->type)) +
                                         "，而不是 \"" + value + "\" / option " + name + " of rule " + meta.id +
                                         " must be " + std::string(to_string(spec->type)) + ", not \"" + value + "\"")};
                rule.options[name] = value;
                rule.option_configured[name] = true;
            }
        }
        if (!matched_any)
            return {std::nullopt, error_at(config, setting.position,
                                           matches_no_rule("<rule id=\"" + setting.pattern + "\">", "<rule id=\"" + setting.pattern + "\">",
                                                           setting.pattern, entries))};
        for (const auto& [name, declared] : option_declared)
            if (!declared)
                return {std::nullopt,
                        error_at(config, setting.option_positions.at(name),
                                 "规则 " + setting.pattern + " 没有选项 " + name + " / rule " + setting.pattern +
                                     " declares no option " + name)};
    }
    return {std::move(plan), std::nullopt};
}

}  // namespace fincheck::engine
