// The rule against its annotated fixture: every finding must match an <!-- expect: --> comment
// and every comment a finding, so the fixture is the specification.
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include <fincheck/plugin.hpp>
#include <fincheck/report_xml.hpp>
#include <fincheck/testing.hpp>

#include "make_rules.hpp"

namespace {

// The rule as the plugin makes it: rule classes have no header, the generated list has them all.
std::unique_ptr<fincheck::Rule> negative_amount_rule() {
    return fincheck::testing::take_rule(example::make_rules(fincheck::PluginEnvironment{}),
                                        "example-negative-amount");
}

std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(EXAMPLE_FIXTURE_DIR) / name;
}

TEST(ExampleNegativeAmount, FlagsExactlyTheAnnotatedNegativeCells) {
    const auto rule = negative_amount_rule();
    fincheck::testing::FixtureRun run =
        fincheck::testing::run_fixture(*rule, fixture("fires.xml"));
    for (const std::string& mismatch : run.mismatches) ADD_FAILURE() << mismatch;
    EXPECT_EQ(run.expectations.size(), 2u);
    EXPECT_EQ(run.findings.size(), 2u);
}

TEST(ExampleNegativeAmount, MessageNamesTableRowColumnAndValue) {
    const auto rule = negative_amount_rule();
    fincheck::testing::FixtureRun run =
        fincheck::testing::run_fixture(*rule, fixture("fires.xml"));
    ASSERT_FALSE(run.findings.empty());
    const fincheck::Finding& first = run.findings.front();
    const fincheck::MessageSpec* spec = rule->meta().message(first.message_id);
    ASSERT_NE(spec, nullptr);
    EXPECT_EQ(fincheck::render_message(spec->zh, first.args), "03表「合计」行「项目支出」栏金额为负数：-5.00");
}

TEST(ExampleNegativeAmount, ExemptColumnIsNotChecked) {
    const auto rule = negative_amount_rule();
    fincheck::LoadResult loaded = fincheck::load_report_xml(fixture("fires.xml"));
    ASSERT_TRUE(loaded) << loaded.error->to_string();
    auto findings = fincheck::testing::run_rule(*rule, *loaded.report, {{"exempt-columns", "项目支出"}});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(fincheck::testing::location_key(findings.front()), "03/2010102/本年支出合计");
}

}  // namespace
