// The plugin's shipped phrase data, read from the source tree, for the tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "year_phrases.hpp"

namespace fincheck::years::testing_data {

inline YearPhrases shipped_phrases() {
    YearPhrases phrases;
    phrases.load_file(std::filesystem::path(FINCHECK_SOURCE_DIR) / "plugins" / "years" / "data" / "year-phrases.xml");
    EXPECT_TRUE(phrases.problems.empty());
    EXPECT_FALSE(phrases.own_figures.empty());
    return phrases;
}

}  // namespace fincheck::years::testing_data
