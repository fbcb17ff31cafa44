// The plugin's rules, made by the generated make_rules() as the plugin makes them, for the tests:
// a test reaches a rule by its id, never by its class (a rule file has no header).
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "fincheck/testing.hpp"
#include "make_rules.hpp"
#include "phrase_data.hpp"
#include "rule_data.hpp"
#include "table_requirements.hpp"

namespace fincheck::structure::testing_data {

// Every rule of the plugin made with `phrases` and the tables the rule packs of `data_dirs`
// require (none: the plugin's own required-tables data, else 01–09).
inline std::vector<std::unique_ptr<Rule>> structure_rules(const PhraseData& phrases,
                                                          const std::vector<std::filesystem::path>& data_dirs = {}) {
    return make_rules(RuleData(phrases, TableRequirements::load(data_dirs, phrases)));
}

// The plugin's rule `id`, made as above.
inline std::unique_ptr<Rule> structure_rule(std::string_view id, const PhraseData& phrases = PhraseData{}) {
    return fincheck::testing::take_rule(structure_rules(phrases), id);
}

}  // namespace fincheck::structure::testing_data
