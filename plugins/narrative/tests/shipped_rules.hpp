// The plugin's rules made as the plugin makes them (the generated make_rules(), one rule per
// file of rules/), with the shipped national lexicon, for the tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "fincheck/testing.hpp"
#include "lexicon.hpp"
#include "make_rules.hpp"

namespace fincheck::narrative::test {

inline std::shared_ptr<const Lexicon> national_lexicon() {
    static std::shared_ptr<const Lexicon> lexicon = [] {
        auto loaded = std::make_shared<Lexicon>();
        auto error = load_lexicon_file(std::string(NARRATIVE_LEXICON_DIR) + "/national.xml", *loaded);
        EXPECT_FALSE(error.has_value()) << error.value_or("");
        return loaded;
    }();
    return lexicon;
}

// The rule `id`, made with the national lexicon.
inline std::unique_ptr<Rule> make_rule(std::string_view id) {
    return testing::take_rule(make_rules(national_lexicon()), id);
}

}  // namespace fincheck::narrative::test
