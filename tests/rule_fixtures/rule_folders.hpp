// The generic rule driver: every rule a plugin registers has its doc page and its fixture
// folder beside the plugin's sources, and every fixture in that folder matches its
// annotations. One driver for all plugins, so a rule cannot be left out of a hand-kept list.
//
//   <home>/rules/<id>.md          the rule's page (docs/rules/README.md indexes them)
//   <home>/fixtures/<id>/*.xml    its fixtures: silent*.xml must stay silent, every other
//                                 file must show the rule firing at least once
//
// <home> is the plugin's source folder (plugins/<plugin>/ for the built-in plugins).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fincheck/rule.hpp"

namespace fincheck::rule_fixtures {

inline constexpr std::string_view kSilentPrefix = "silent";

// What is wrong with `rule` at `home`: a missing page or fixture folder (naming the exact
// path expected), a fixture that does not match its annotations, an expectation that does
// not quote the message it expects. Empty: the rule is documented and fixture-tested.
// `plugin_rule_ids` are the ids of the plugin's other rules, which a shared fixture may
// annotate too. `fixtures_run` receives the number of fixture files run.
std::vector<std::string> check_rule(const Rule& rule, const std::filesystem::path& home,
                                    const std::vector<std::string>& plugin_rule_ids, int* fixtures_run = nullptr);

// Pages and fixture folders under `home` that belong to no rule of the plugin (a rule that
// was renamed or removed). Fixture subfolders without a '-' (packs/, shared data) are not
// rule folders.
std::vector<std::string> orphans(const std::filesystem::path& home, const std::vector<std::string>& rule_ids);

}  // namespace fincheck::rule_fixtures
