// The effective rule configuration of a run: which rules are enabled, at what severity,
// with which options, under which tolerance. Built once, read by many concurrent audits.
//
// Selection lists are comma-separated globs applied in order, later entries winning:
// "pattern" enables, "-pattern" disables. A list whose first entry is positive starts from
// nothing ("arith-*" = only arith rules); a list starting with a negative entry, or an empty
// list, starts from what came before (all rules, for the first list). The config file's
// <rules select> is applied first, then its <rule enabled=…> entries, then --rules.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/engine/config.hpp"
#include "fincheck/engine/rule_registry.hpp"
#include "fincheck/explanation.hpp"
#include "fincheck/tolerance.hpp"

namespace fincheck::engine {

struct RulePlan {
    const RuleEntry* entry = nullptr;
    bool enabled = true;
    Severity severity = Severity::error;
    bool severity_overridden = false;
    // What last enabled or disabled the rule, and what set its severity: {"built-in", ""},
    // {"config", "fincheck.xml:12"} or {"command-line", "--rules"}.
    ExplainedSource enabled_source{"built-in", ""};
    ExplainedSource severity_source{"built-in", ""};
    // Every declared option with its effective value (configured, else the default).
    std::map<std::string, std::string, std::less<>> options;
    std::map<std::string, bool, std::less<>> option_configured;  // true when the value came from config
};

struct AuditPlan {
    std::vector<RulePlan> rules;  // one per registry entry, sorted by rule id
    Tolerance tolerance;
    ExplainedSource half_unit_source{"built-in", ""};
    ExplainedSource extra_source{"built-in", ""};
    std::string selection;        // the selection lists as applied, joined with " then "
    std::string config_file;      // config file name, empty when none

    const RulePlan* find(std::string_view rule_id) const;
};

// Applies one selection list to `enabled` (parallel to registry entries) and returns the
// entries that matched no rule. `decided`, when given, is set for every entry the list
// decides (all of them when the list starts from nothing).
std::vector<std::string> apply_selection(std::string_view list, const std::vector<RuleEntry>& entries,
                                         std::vector<bool>& enabled, std::vector<bool>* decided = nullptr);

struct PlanResult {
    std::optional<AuditPlan> plan;
    std::optional<ConfigError> error;
};

// An option a rule does not declare, a value of the wrong type, or a selection entry or
// <rule id> that matches no rule is an error naming the config file's line and column
// (for --rules, the option), with the nearest rule id when one is close.
PlanResult make_plan(const RuleRegistry& registry, const Config& config, std::string_view cli_selection);

}  // namespace fincheck::engine
