// What the arith and xtab plugins share: the rule packs loaded from the data dirs and
// --rulepack, their settings (pack, require-pack), and the fail-closed check for a fallback
// pack. Each plugin runs the pack rules of its own family, the rule-id prefix (arith-, xtab-),
// plus any rules of its own in code. Exposed (not only through the plugins' entry points) so
// tests can build the plugins in-process.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fincheck/plugin.hpp"

namespace fincheck::rulepacks {

class PackLibrary;

// Which plugin runs a pack rule: the family its id starts with.
struct RuleFamily {
    std::string plugin;       // the plugin's name: arith, xtab
    std::string rule_prefix;  // arith-, xtab-
};

class PackPlugin final : public Plugin {
public:
    // Loads packs from environment.data_dirs (rulepacks/*.xml) and environment.rule_packs.
    // Throws std::runtime_error naming the plugin, file, line and reason when a pack, the
    // region list or a template is malformed, or a setting cannot be honoured.
    // Settings: pack=<id> forces a pack for every report instead of automatic selection;
    // require-pack=false accepts a folder without a fallback pack.
    PackPlugin(RuleFamily family, const PluginEnvironment& environment,
               std::vector<std::unique_ptr<Rule>> own_rules = {});
    std::vector<const Rule*> rules() const override;
    // The pack chosen for `report` and why, and the effective configuration of this family's rules.
    ReportExplanation explain(const Report& report) const override;

private:
    RuleFamily family_;
    std::shared_ptr<const PackLibrary> library_;
    std::string forced_;
    std::vector<std::unique_ptr<Rule>> rules_;
};

}  // namespace fincheck::rulepacks
