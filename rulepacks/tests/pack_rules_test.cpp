// The national pack's relations on reports built in code: silent on a consistent report
// with rounding tails, precise about a broken one (expected, actual, difference, tolerance
// and every cell of the sum as evidence).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "national_report.hpp"
#include "test_support.hpp"

namespace fincheck::rulepacks {
namespace {

using fincheck::testing::run_rule;
using testing::consistent_national_report;
using testing::set_cell;

TEST(PackRules, EveryRuleIsSilentOnAConsistentReportWithRoundingTails) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    for (const Rule* rule : plugin->rules()) {
        auto findings = run_rule(*rule, r);
        EXPECT_TRUE(findings.empty()) << rule->meta().id << " fired at "
                                      << (findings.empty() ? "" : fincheck::testing::location_key(findings[0]));
    }
}

TEST(PackRules, OneFigurePrintedInTwoTablesMustAgreeToTheLastDigit) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    set_cell(r, "04", "income/一般公共预算财政拨款", "合计", "592.30");  // 01 prints 592.29
    auto findings = run_rule(testing::rule_of(*plugin, "xtab-01-04-fiscal-income"), r);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message_id, "two-printings");
    ASSERT_TRUE(findings[0].severity.has_value());
    EXPECT_EQ(*findings[0].severity, Severity::warning);  // below a sum that does not add up
    EXPECT_EQ(findings[0].difference, Decimal::parse("-0.01"));

    // Beyond the rounding allowance it is the rule's ordinary error.
    set_cell(r, "04", "income/一般公共预算财政拨款", "合计", "592.39");
    findings = run_rule(testing::rule_of(*plugin, "xtab-01-04-fiscal-income"), r);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message_id, "mismatch");
    EXPECT_FALSE(findings[0].severity.has_value());

    // A 0.01 tail on a sum (01's class lines against its 本年支出合计) is still no finding.
    Report consistent = consistent_national_report();
    EXPECT_TRUE(run_rule(testing::rule_of(*plugin, "arith-01-class-lines"), consistent).empty());
}

TEST(PackRules, FlagsAClassTotalThatMissesAClassLine) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    set_cell(r, "01", "expenditure/210", "决算数", "");  // the 卫生健康 line left blank
    auto findings = run_rule(testing::rule_of(*plugin, "arith-01-class-lines"), r);
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(fincheck::testing::location_key(f), "01/expenditure/本年支出合计/决算数");
    EXPECT_EQ(f.actual, "592.29");
    EXPECT_EQ(f.expected, "586.35");
    EXPECT_EQ(f.difference, Decimal::parse("5.94"));
    EXPECT_EQ(f.tolerance, Decimal::parse("0.02"));  // 4 printed figures × 0.005
    ASSERT_EQ(f.evidence.size(), 5u);  // the total and all four class lines, blank included
    EXPECT_EQ(f.evidence[0].role, "total");
    EXPECT_EQ(f.evidence[2].location.row, "expenditure/210");
    EXPECT_EQ(f.evidence[2].raw, "");

    auto per_class = run_rule(testing::rule_of(*plugin, "xtab-01-03-expenditure"), r);
    ASSERT_EQ(per_class.size(), 1u);
    EXPECT_EQ(fincheck::testing::location_key(per_class[0]), "01/expenditure/210/决算数");
    EXPECT_EQ(per_class[0].expected, "5.95");
    EXPECT_EQ(per_class[0].actual, "空白 (blank)");
}

TEST(PackRules, ARoundingTailOnANinePartSumPassesAndAGapDoesNot) {
    auto plugin = testing::make_pack_plugins();
    const Rule& rule = testing::rule_of(*plugin, "arith-06-personnel");
    Report r = consistent_national_report();
    set_cell(r, "06", "人员经费合计", "决算数", "146.47");  // 0.01 off two parts: within 0.015
    EXPECT_TRUE(run_rule(rule, r).empty());
    set_cell(r, "06", "人员经费合计", "决算数", "146.48");  // 0.02 off: beyond
    EXPECT_EQ(run_rule(rule, r).size(), 1u);
}

TEST(PackRules, FlagsAPublicFundsSubtotalThatDoesNotAddUp) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    set_cell(r, "06", "公用经费合计", "决算数", "6.71");
    auto findings = run_rule(testing::rule_of(*plugin, "arith-06-public"), r);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].expected, "7.07");
    auto basic = run_rule(testing::rule_of(*plugin, "xtab-05-06-basic"), r);
    ASSERT_EQ(basic.size(), 1u);
    EXPECT_EQ(fincheck::testing::location_key(basic[0]), "05/合计/基本支出");
}

TEST(PackRules, ThreePublicItemsMayBeBelowTheirTableButNotAbove) {
    auto plugin = testing::make_pack_plugins();
    const Rule& rule = testing::rule_of(*plugin, "xtab-06-09-three-public");
    Report r = consistent_national_report();
    set_cell(r, "09", "合计", "决算数/公务接待费", "0.50");
    set_cell(r, "09", "合计", "决算数/合计", "0.50");
    EXPECT_TRUE(run_rule(rule, r).empty()) << "09 counts project spending too: 06 below 09 is fine";
    set_cell(r, "06", "30217", "决算数", "0.80");
    auto findings = run_rule(rule, r);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(fincheck::testing::location_key(findings[0]), "06/30217/决算数");
    EXPECT_EQ(findings[0].expected, "≤ 0.50");
}

TEST(PackRules, ClassMismatchBetween04And05IsFlaggedPerClass) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    set_cell(r, "04", "expenditure/221", "一般公共预算财政拨款", "11.43");
    auto findings = run_rule(testing::rule_of(*plugin, "xtab-04-05-expenditure"), r);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(fincheck::testing::location_key(findings[0]), "04/expenditure/221/一般公共预算财政拨款");
    EXPECT_EQ(findings[0].evidence.size(), 3u);  // the 04 cell and both 2210x rows of 05
}

TEST(PackRules, ATotalBelowItsLargestPartIsReportedAsAMisreadWarning) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    set_cell(r, "01", "expenditure/本年支出合计", "决算数", "171.90");
    auto findings = run_rule(testing::rule_of(*plugin, "arith-01-class-lines"), r);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message_id, "below-part");
    ASSERT_TRUE(findings[0].severity.has_value());
    EXPECT_EQ(*findings[0].severity, Severity::warning);
}

TEST(PackRules, AToleranceOverrideInAPackWidensTheCheck) {
    auto dir = std::filesystem::temp_directory_path() / "fincheck-rulepacks-tolerance-test";
    std::filesystem::create_directories(dir);
    auto file = dir / "lenient.xml";
    {
        std::ofstream out(file);
        out << R"(<rulepack id="lenient" version="1" extends="national">
  <applies><match region-prefix="湖北省"/></applies>
  <override rule="arith-06-public"><tolerance absolute="0.50"/></override>
</rulepack>
)";
    }
    auto plugin = testing::make_pack_plugins({}, {file});
    const Rule& rule = testing::rule_of(*plugin, "arith-06-public");
    Report r = consistent_national_report("湖北省武汉市汉阳区");
    set_cell(r, "06", "公用经费合计", "决算数", "6.71");
    EXPECT_TRUE(run_rule(rule, r).empty());
    Report other = consistent_national_report("北京市");
    set_cell(other, "06", "公用经费合计", "决算数", "6.71");
    EXPECT_EQ(run_rule(rule, other).size(), 1u);
}

TEST(PackRules, MessagesRenderInBothLanguagesWithoutLeftoverPlaceholders) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    set_cell(r, "01", "income/总计", "决算数", "700.00");
    const Rule& rule = testing::rule_of(*plugin, "arith-01-grand-totals");
    auto findings = run_rule(rule, r);
    ASSERT_EQ(findings.size(), 2u);  // income total, and income vs expenditure total
    const MessageSpec* spec = rule.meta().message(findings[0].message_id);
    ASSERT_NE(spec, nullptr);
    std::string zh = render_message(spec->zh, findings[0].args);
    std::string en = render_message(spec->en, findings[0].args);
    EXPECT_EQ(zh.find('{'), std::string::npos) << zh;
    EXPECT_EQ(en.find('{'), std::string::npos) << en;
    EXPECT_NE(zh.find("700.00"), std::string::npos) << zh;
}

}  // namespace
}  // namespace fincheck::rulepacks

namespace fincheck::rulepacks {
namespace {

TEST(PackRules, AColumnLeftBlankThroughoutAFilledTableIsUnknownNotZero) {
    auto plugin = testing::make_pack_plugins();
    Report r = consistent_national_report();
    for (Table& t : r.tables)
        if (t.id == "05")
            for (Row& row : t.rows)
                for (std::size_t c : {std::size_t{1}, std::size_t{2}}) row.cells[c] = Cell{};
    EXPECT_TRUE(run_rule(testing::rule_of(*plugin, "arith-05-columns"), r).empty());
    EXPECT_TRUE(run_rule(testing::rule_of(*plugin, "xtab-05-06-basic"), r).empty());
    // Once the column carries any figure, its blanks are zeros that must add up.
    set_cell(r, "05", "2013101", "基本支出", "126.08");
    auto found = testing::locations(run_rule(testing::rule_of(*plugin, "arith-05-columns"), r));
    EXPECT_NE(std::find(found.begin(), found.end(), "05/2013201/合计"), found.end());
    EXPECT_EQ(std::find(found.begin(), found.end(), "05/2013101/合计"), found.end());
}

}  // namespace
}  // namespace fincheck::rulepacks
