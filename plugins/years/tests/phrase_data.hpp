// The plugin's shipped phrase data, read from the source tree, and its rules made with it, for
// the tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "fincheck/rule_file.hpp"
#include "fincheck/testing.hpp"
#include "make_rules.hpp"

#include "year_phrases.hpp"

namespace fincheck::years::testing_data {

inline YearPhrases shipped_phrases() {
    YearPhrases phrases;
    phrases.load_file(std::filesystem::path(FINCHECK_SOURCE_DIR) / "plugins" / "years" / "data" / "year-phrases.xml");
    EXPECT_TRUE(phrases.problems.empty());
    EXPECT_FALSE(phrases.own_figures.empty());
    return phrases;
}

// The plugin's rules, made once as the plugin makes them, with the shipped phrases.
inline const std::vector<std::unique_ptr<Rule>>& shipped_rules() {
    static const std::vector<std::unique_ptr<Rule>> rules = make_rules(shipped_phrases());
    return rules;
}

// The plugin's rule `id`.
inline const Rule& years_rule(std::string_view id) {
    for (const auto& rule : shipped_rules())
        if (rule->meta().id == id) return *rule;
    throw std::out_of_range("no years rule " + std::string(id));
}

// Every rule of the plugin: whatever its rules folder holds, not a list to keep in step.
inline std::vector<const Rule*> all_years_rules() { return rule_pointers(shipped_rules()); }

}  // namespace fincheck::years::testing_data
