// The plugin's shipped phrase data, read from the source tree, and its rules made with it, for
// the tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

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

// The plugin's rule `id`, made as the plugin makes it, with the shipped phrases.
inline const Rule& years_rule(std::string_view id) {
    static const std::vector<std::unique_ptr<Rule>> rules = make_rules(shipped_phrases());
    for (const auto& rule : rules)
        if (rule->meta().id == id) return *rule;
    throw std::out_of_range("no years rule " + std::string(id));
}

// Every rule of the plugin, as the plugin makes them.
inline std::vector<const Rule*> all_years_rules() {
    std::vector<const Rule*> out;
    for (std::string_view id : {"years-balance-date", "years-body-mention", "years-date-out-of-range",
                                "years-title-mismatch"})
        out.push_back(&years_rule(id));
    return out;
}

}  // namespace fincheck::years::testing_data
