// Each rule over its annotated fixture (fixtures/<rule id>.xml): every finding matches an
// `expect:` comment and every comment a finding; unannotated blocks must stay silent.
#include <gtest/gtest.h>

#include "fincheck/testing.hpp"
#include "rules.hpp"

namespace fincheck::narrative {
namespace {

std::shared_ptr<const Lexicon> national_lexicon() {
    static std::shared_ptr<const Lexicon> lexicon = [] {
        auto loaded = std::make_shared<Lexicon>();
        auto error = load_lexicon_file(std::string(NARRATIVE_LEXICON_DIR) + "/national.xml", *loaded);
        EXPECT_FALSE(error.has_value());
        return loaded;
    }();
    return lexicon;
}

class RuleFixture : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RuleFixture, FindingsMatchTheAnnotations) {
    auto rules = make_all_rules(national_lexicon());
    const NarrativeRule& rule = *rules.at(GetParam());
    std::string path = std::string(NARRATIVE_FIXTURE_DIR) + "/" + rule.meta().id + ".xml";
    testing::FixtureRun run = testing::run_fixture(rule, path);
    EXPECT_FALSE(run.expectations.empty()) << path << " has no expect: annotation";
    std::string mismatches;
    for (const auto& m : run.mismatches) mismatches += m + "\n";
    EXPECT_TRUE(run.ok()) << path << "\n" << mismatches;
}

std::string rule_name(const ::testing::TestParamInfo<std::size_t>& info) {
    static const char* names[] = {"AmountMismatch", "ShareMismatch", "ChangeMismatch", "RateMismatch",
                                  "ComparisonWord", "ZeroBase",      "DuplicateFact",  "WrongKind"};
    return names[info.param];
}

INSTANTIATE_TEST_SUITE_P(EveryNarrativeRule, RuleFixture, ::testing::Range<std::size_t>(0, 8), rule_name);

}  // namespace
}  // namespace fincheck::narrative
