// The generic sum rules find totals by shape in any table, attachment forms included.
#include <gtest/gtest.h>

#include <algorithm>

#include "arith_plugin.hpp"
#include "national_report.hpp"
#include "test_support.hpp"

namespace fincheck::arith {
namespace {

namespace testing {
using namespace rulepacks::testing;
// The plugin as the host creates it: the packs' arith- rules and the generic sums.
inline std::unique_ptr<Plugin> make_plugin() { return create_arith_plugin(environment()); }
}  // namespace testing

using fincheck::testing::run_rule;
using testing::add_table;
using testing::consistent_national_report;
using testing::set_cell;

TEST(SumRules, FlagsAMisprintedItemRowAgainstBothItsClassAndItsSubitems) {
    Report r;
    add_table(r, "03", {"本年支出合计", "基本支出", "项目支出"})
        .row("合计", {"120.00", "100.00", "20.00"})
        .row("201", {"120.00", "100.00", "20.00"}, "201")
        .row("20106", {"114.00", "100.00", "14.00"}, "20106")  // 6.00 short of its items
        .row("2010601", {"60.00", "50.00", "10.00"}, "2010601")
        .row("2010602", {"60.00", "50.00", "10.00"}, "2010602");
    auto plugin = testing::make_plugin();
    auto findings = run_rule(testing::rule_of(*plugin, "arith-code-subtotal"), r);
    EXPECT_EQ(testing::locations(findings),
              (std::vector<std::string>{"03/201/本年支出合计", "03/201/项目支出", "03/20106/本年支出合计",
                                        "03/20106/项目支出"}));
    // 合计 is compared with the 类 row only, not with the 款 and 项 rows as well.
    EXPECT_TRUE(run_rule(testing::rule_of(*plugin, "arith-total-row"), r).empty());
}

TEST(SumRules, AClassWithoutItemRowsIsComparedWithItsSubitems) {
    Report r;
    add_table(r, "05", {"合计", "基本支出", "项目支出"})
        .row("合计", {"30.00", "30.00", ""})
        .row("221", {"30.00", "30.00", ""}, "221")
        .row("2210201", {"8.92", "8.92", ""}, "2210201")
        .row("2210202", {"2.53", "2.53", ""}, "2210202");
    auto plugin = testing::make_plugin();
    auto findings = run_rule(testing::rule_of(*plugin, "arith-code-subtotal"), r);
    EXPECT_EQ(testing::locations(findings), (std::vector<std::string>{"05/221/合计", "05/221/基本支出"}));
    ASSERT_FALSE(findings.empty());
    EXPECT_EQ(findings[0].expected, "11.45");
    EXPECT_EQ(findings[0].evidence.size(), 3u);
}

TEST(SumRules, FlagsAnAttachmentTotalRowAndIgnoresItsRateColumn) {
    Report r;
    add_table(r, "att-1", {"预算数", "执行数", "执行率"}, TableKind::attachment_form)
        .row("项目一", {"10.00", "9.00", "90%"})
        .row("项目二", {"20.00", "20.00", "100%"})
        .row("合计", {"30.00", "31.00", "95%"});
    auto plugin = testing::make_plugin();
    auto findings = run_rule(testing::rule_of(*plugin, "arith-total-row"), r);
    EXPECT_EQ(testing::locations(findings), (std::vector<std::string>{"att-1/合计/执行数"}));
}

TEST(SumRules, FlagsATotalColumnOfAnOtherTable) {
    Report r;
    add_table(r, "other-1", {"单位", "在职", "退休", "合计"}, TableKind::other)
        .row("本级", {"", "10", "5", "15"})
        .row("中心", {"", "4", "1", "6"});
    auto plugin = testing::make_plugin();
    auto findings = run_rule(testing::rule_of(*plugin, "arith-total-column"), r);
    EXPECT_EQ(testing::locations(findings), (std::vector<std::string>{"other-1/中心/合计"}));
}

TEST(SumRules, ReportsABlankTotalOnceAndNotAsAMismatch) {
    Report r;
    add_table(r, "02", {"本年收入合计", "财政拨款收入"})
        .row("合计", {"", "50.00"})
        .row("2013101", {"50.00", "50.00"}, "2013101");
    auto plugin = testing::make_plugin();
    EXPECT_EQ(testing::locations(run_rule(testing::rule_of(*plugin, "arith-blank-total"), r)),
              (std::vector<std::string>{"02/合计/本年收入合计"}));
    EXPECT_TRUE(run_rule(testing::rule_of(*plugin, "arith-total-row"), r).empty());
}

TEST(SumRules, ATotalBelowItsLargestPartIsAMisreadNotASumError) {
    Report r;
    add_table(r, "03", {"本年支出合计"})
        .row("合计", {"9.94"})  // a value from the next row read into the total
        .row("2013101", {"126.08"}, "2013101")
        .row("2013201", {"9.94"}, "2013201");
    auto plugin = testing::make_plugin();
    auto below = run_rule(testing::rule_of(*plugin, "arith-total-below-part"), r);
    ASSERT_EQ(below.size(), 1u);
    EXPECT_EQ(testing::locations(below), (std::vector<std::string>{"03/合计/本年支出合计"}));
    EXPECT_EQ(testing::rule_of(*plugin, "arith-total-below-part").meta().default_severity, Severity::warning);
    EXPECT_TRUE(run_rule(testing::rule_of(*plugin, "arith-total-row"), r).empty());
}

TEST(SumRules, ATotalBelowItsOnlyNonZeroPartIsAnArithmeticError) {
    Report r;
    add_table(r, "06", {"决算数"})
        .row("302", {"6.71"}, "302")  // printed below its single item: no sign of a shifted cell
        .row("30211", {"7.07"}, "30211")
        .row("30212", {""}, "30212");
    auto plugin = testing::make_plugin();
    EXPECT_TRUE(run_rule(testing::rule_of(*plugin, "arith-total-below-part"), r).empty());
    EXPECT_EQ(testing::locations(run_rule(testing::rule_of(*plugin, "arith-code-subtotal"), r)),
              (std::vector<std::string>{"06/302/决算数"}));
}

TEST(SumRules, StaysSilentOnRoundingTailsAndOnEmptyFundTables) {
    auto plugin = testing::make_plugin();
    Report r = consistent_national_report();
    add_table(r, "other-2", {"项目", "金额"}, TableKind::other)
        .row("甲", {"", "0.33"}).row("乙", {"", "0.33"}).row("丙", {"", "0.33"}).row("合计", {"", "1.00"});
    for (const char* id : {"arith-total-row", "arith-code-subtotal", "arith-total-column", "arith-blank-total",
                           "arith-total-below-part"})
        EXPECT_TRUE(run_rule(testing::rule_of(*plugin, id), r).empty()) << id;
}

// The arith plugin runs the sums inside a table: the packs' arith- rules and the generic ones,
// never a cross-table relation, which is the xtab plugin's.
TEST(ArithPlugin, RegistersTheArithPackRulesAndTheGenericSumsOnly) {
    auto plugin = testing::make_plugin();
    std::vector<std::string> ids;
    for (const Rule* rule : plugin->rules()) ids.push_back(rule->meta().id);
    for (const std::string& id : ids) EXPECT_TRUE(id.starts_with("arith-")) << id;
    for (const char* id : {"arith-01-class-lines", "arith-09-totals", "arith-total-row", "arith-blank-total"})
        EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
    EXPECT_EQ(testing::rule_of(*plugin, "arith-01-class-lines").meta().docs, "plugins/arith/rules/arith-01-class-lines.md");
}

}  // namespace
}  // namespace fincheck::arith
