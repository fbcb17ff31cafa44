// One annotated fixture per rule (fixtures/<rule-id>.xml): the findings written in its
// comments must fire, and nothing else may.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace fincheck::tables {
namespace {

class RuleFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFixture, MatchesItsAnnotations) {
    auto plugin = testing::make_plugin();
    const Rule& rule = testing::rule_of(*plugin, GetParam());
    auto path = testing::fixture_dir() / (GetParam() + ".xml");
    ASSERT_TRUE(std::filesystem::exists(path)) << "every rule needs a fixture: " << path;
    auto run = fincheck::testing::run_fixture(rule, path);
    for (const auto& m : run.mismatches) ADD_FAILURE() << m;
    EXPECT_FALSE(run.expectations.empty()) << "a fixture must show the rule firing at least once";
    // <rule>.fires-<case>.xml: further cases that must fire where annotated.
    for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_dir())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(GetParam() + ".fires-", 0) != 0) continue;
        auto more = fincheck::testing::run_fixture(rule, entry.path());
        for (const auto& m : more.mismatches) ADD_FAILURE() << name << ": " << m;
        EXPECT_FALSE(more.expectations.empty()) << name << " must show the rule firing";
    }
}

// <rule>.<case>.xml (other than fires-*): rounding tails and non-applicable cases on which the
// rule stays silent.
TEST_P(RuleFixture, StaysSilentOnItsMustNotFireFixtures) {
    auto plugin = testing::make_plugin();
    const Rule& rule = testing::rule_of(*plugin, GetParam());
    int silent_fixtures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_dir())) {
        std::string name = entry.path().filename().string();
        if (name.rfind(GetParam() + ".", 0) != 0 || name == GetParam() + ".xml" ||
            name.rfind(GetParam() + ".fires-", 0) == 0)
            continue;
        ++silent_fixtures;
        auto run = fincheck::testing::run_fixture(rule, entry.path());
        for (const auto& m : run.mismatches) ADD_FAILURE() << name << ": " << m;
        EXPECT_TRUE(run.expectations.empty()) << name << " is a must-not-fire fixture";
    }
    EXPECT_GE(silent_fixtures, 1) << "every rule needs a must-not-fire fixture";
}

std::vector<std::string> all_rule_ids() {
    std::vector<std::string> ids;
    auto plugin = testing::make_plugin();
    for (const Rule* r : plugin->rules()) ids.push_back(r->meta().id);
    return ids;
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleFixture, ::testing::ValuesIn(all_rule_ids()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                             std::string name = param_info.param;
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

TEST(RuleDocs, EveryRuleHasADocumentationPage) {
    auto plugin = testing::make_plugin();
    for (const Rule* r : plugin->rules()) {
        auto page = std::filesystem::path(FINCHECK_SOURCE_DIR) / r->meta().docs;
        EXPECT_TRUE(std::filesystem::exists(page)) << r->meta().id << ": " << page;
    }
}

}  // namespace
}  // namespace fincheck::tables
