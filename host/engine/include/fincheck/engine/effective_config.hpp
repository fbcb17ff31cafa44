// The configuration in force for one report: every rule's state, severity and tolerance and
// where each came from (built-in, the configuration, --rules, or a plugin's data such as a
// region's rule pack), plus what each plugin chose for the report. One function computes it,
// so `fincheck explain` and the audit header cannot disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fincheck/engine/plugin_loader.hpp"
#include "fincheck/engine/rule_selection.hpp"
#include "fincheck/explanation.hpp"
#include "fincheck/report.hpp"
#include "fincheck/tolerance.hpp"

namespace fincheck::engine {

struct RuleOptionSummary {
    std::string name;
    std::string value;
    bool configured = false;
};

struct RuleSummary {
    std::string id;
    std::string version;
    std::string plugin;
    std::string title_zh;  // what the rule checks, for outputs that describe their rules (SARIF)
    std::string title_en;
    std::string category;
    std::string docs;      // the rule's page, relative to the source tree: docs/rules/ID.md
    bool enabled = true;
    ExplainedSource enabled_source;  // what enabled or disabled it
    Severity severity = Severity::error;
    bool severity_overridden = false;  // by the configuration
    ExplainedSource severity_source;
    Tolerance tolerance;
    std::optional<Decimal> absolute;  // a plugin's fixed bound instead of the interval reading
    ExplainedSource half_unit_source;
    ExplainedSource extra_source;
    ExplainedSource absolute_source;
    bool tolerance_from_plugin = false;  // some of the tolerance is the plugin's (a pack's)
    std::vector<RuleOptionSummary> options;
};

// One line a plugin wrote about its choices for the report (the rule pack selected and why).
struct PluginNote {
    std::string plugin;
    std::string zh;
    std::string en;
};

struct EffectiveConfiguration {
    std::vector<PluginNote> notes;
    std::vector<RuleSummary> rules;  // the plan's order
};

// A plugin's own decisions override the host's defaults, never the configuration: a severity
// set in fincheck.xml wins over a pack's, as it does for findings (audit.cpp). Plugins built
// for ABI 1.0 have no Plugin::explain and are not asked.
EffectiveConfiguration effective_configuration(const AuditPlan& plan, const PluginSet& plugins, const Report& report);

}  // namespace fincheck::engine
