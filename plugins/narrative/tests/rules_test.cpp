// Each narrative rule on small reports built in C++: must-fire and must-not-fire cases.
#include <gtest/gtest.h>

#include <filesystem>

#include <memory>

#include "fincheck/testing.hpp"
#include "analysis.hpp"
#include "count_statements.hpp"
#include "report_builder.hpp"
#include "shipped_rules.hpp"

namespace fincheck::narrative {
namespace {

using test::ReportBuilder;

// Runs `rule` and returns the blocks its findings point at, in order.
std::vector<int> fired_blocks(const Rule& rule, Report& report) {
    std::vector<int> blocks;
    for (const Finding& finding : testing::run_rule(rule, report)) blocks.push_back(finding.location.block);
    return blocks;
}

struct Fixture {
    ReportBuilder builder;
    int overall, income, expenditure, fiscal, gpb, gpb_structure, gpb_detail, gpb_basic, other;
    Fixture() {
        builder.standard_tables();
        int part = builder.section("第三部分 2024年度部门决算情况说明");
        overall = builder.section("一、收入支出决算总体情况说明", part);
        income = builder.section("二、收入决算情况说明", part);
        expenditure = builder.section("三、支出决算情况说明", part);
        fiscal = builder.section("四、财政拨款收入支出决算总体情况说明", part);
        gpb = builder.section("五、一般公共预算财政拨款支出决算情况说明", part);
        gpb_structure = builder.section("（二）一般公共预算财政拨款支出决算结构情况", gpb);
        gpb_detail = builder.section("（三）一般公共预算财政拨款支出决算具体情况", gpb);
        gpb_basic = builder.section("六、一般公共预算财政拨款基本支出决算情况说明", part);
        other = builder.section("十、机关运行经费支出情况", part);
    }
    int block(const std::string& text, int section) { return builder.block(text, section); }
    Report& report() { return builder.report(); }
};

// ---- narrative-amount-mismatch ----------------------------------------------------------

TEST(AmountMismatch, FlagsGeneralBudgetTotalTheTablesDoNotHave) {
    Fixture f;
    int wrong = f.block("2024年度一般公共预算财政拨款支出400.00万元，主要用于以下方面：", f.gpb_structure);
    f.block("2024年度一般公共预算财政拨款支出500.00万元，占本年支出合计的100.00%。", f.gpb);
    auto rule = test::make_rule("narrative-amount-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].expected, "500.00");
    EXPECT_EQ(findings[0].actual, "400.00");
    EXPECT_FALSE(findings[0].evidence.empty());
}

TEST(AmountMismatch, FlagsPublicExpenseThatDiffersFromTable06) {
    Fixture f;
    f.block("人员经费100.00万元，主要包括：基本工资。", f.gpb_basic);
    int wrong = f.block("公用经费25.00万元，主要包括：差旅费。", f.gpb_basic);
    auto rule = test::make_rule("narrative-amount-mismatch");
    EXPECT_EQ(fired_blocks(*rule, f.report()), std::vector<int>{wrong});
}

TEST(AmountMismatch, StaysSilentOnRoundingTailsPriorYearAndBudgetFigures) {
    Fixture f;
    f.block("2024年度收入合计500.00万元。其中：财政拨款收入500.00万元，占本年收入100%。", f.income);
    f.block("1. 一般公共服务（类）支出100.0万元，占20.00%；", f.gpb_structure);
    f.block("2024年度收、支总计500.00万元。收、支与2023年度656.23万元相比，收、支总计各减少156.23万元。", f.overall);
    f.block("一般公共预算财政拨款支出年初预算为606.24万元，支出决算为500.00万元。", f.gpb_detail);
    f.block("其中：基本支出120.00万元；项目支出380.00万元。", f.expenditure);
    auto rule = test::make_rule("narrative-amount-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

TEST(AmountMismatch, ASecondPrintingOffByOneDigitIsAWarning) {
    // The table prints 20.00; the prose restates it to the same precision as 20.01.
    Fixture f;
    f.block("3. 住房保障（类）支出20.01万元，占4.00%。", f.gpb_structure);
    auto rule = test::make_rule("narrative-amount-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message_id, "two-printings");
    ASSERT_TRUE(findings[0].severity.has_value());
    EXPECT_EQ(*findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[0].expected, "20.00");
    // Restated with one decimal, the same figure is 20.0: no finding.
    Fixture coarse;
    coarse.block("3. 住房保障（类）支出20.0万元，占4.00%。", coarse.gpb_structure);
    EXPECT_TRUE(testing::run_rule(*rule, coarse.report()).empty());
}

TEST(AmountMismatch, DoesNotBindAnItemLineToItsClassTotal) {
    Fixture f;
    f.block("一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）一般行政管理事务（项）支出10.00万元。", f.gpb_detail);
    auto rule = test::make_rule("narrative-amount-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

TEST(AmountMismatch, DoesNotBindAPhraseNamingTwoClasses) {
    Fixture f;
    f.block("农林水支出、住房保障支出两项全年预算数共计400.00万元，执行数共计400.00万元。", f.gpb_detail);
    auto rule = test::make_rule("narrative-amount-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

// 「政府性基金预算财政拨款收入」 holds 「财政拨款收入」 but is only the fund's part of it; the
// shorter concept must not be read out of the longer phrase (nor out of 「非财政拨款收入」).
TEST(AmountMismatch, DoesNotReadAFundsIncomeAsAllFiscalIncome) {
    Fixture f;
    int fund = f.builder.section("七、政府性基金预算财政拨款收入支出决算情况说明");
    f.block("2024年度政府性基金预算财政拨款收入217.63万元，支出217.63万元，年末结转和结余0.00万元，主要用于专项建设。",
            fund);
    f.block("国有资本经营预算财政拨款收入31.00万元。", fund);
    f.block("2024年度非财政拨款收入12.00万元。", f.income);
    auto rule = test::make_rule("narrative-amount-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

TEST(AmountMismatch, StillChecksFiscalIncomeNamedWithoutAFund) {
    Fixture f;
    int wrong = f.block("2024年度财政拨款收入217.63万元。", f.income);
    f.block("2024年度一般公共预算财政拨款收入500.00万元。", f.income);
    auto rule = test::make_rule("narrative-amount-mismatch");
    EXPECT_EQ(fired_blocks(*rule, f.report()), std::vector<int>{wrong});
}

// ---- narrative-share-mismatch -----------------------------------------------------------

// A department with other funds: 03 (all funds) books 150.00 of 基本支出, 05 (the general
// budget) 120.00. Each section must state the figure of its own scope.
TEST(AmountMismatch, NamesBothFiguresWhenTheOtherFundScopeIsStated) {
    Fixture f;
    f.builder.set("03", "合计", "基本支出", "150.00");
    f.builder.set("03", "合计", "项目支出", "350.00");
    int all_funds_in_gpb = f.block("2024年度一般公共预算财政拨款基本支出150.00万元，其中：人员经费100.00万元。", f.gpb_basic);
    int gpb_in_overall = f.block("2024年度支出合计500.00万元，其中：基本支出120.00万元。", f.expenditure);
    int plain = f.block("2024年度一般公共预算财政拨款基本支出130.00万元。", f.gpb_basic);
    f.block("2024年度一般公共预算财政拨款基本支出120.00万元。", f.gpb_basic);  // right scope
    f.block("其中：基本支出150.00万元，项目支出350.00万元。", f.expenditure);   // right scope
    auto rule = test::make_rule("narrative-amount-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 3u);
    EXPECT_EQ(findings[0].location.block, all_funds_in_gpb);
    EXPECT_EQ(findings[0].message_id, "wrong-scope");
    EXPECT_EQ(findings[0].expected, "120.00");
    EXPECT_FALSE(findings[0].severity.has_value()) << "a wrong figure keeps the rule's severity (error)";
    std::string text = render_message(rule->meta().message(findings[0].message_id)->zh, findings[0].args);
    EXPECT_NE(text.find("03/合计/基本支出"), std::string::npos) << text;
    EXPECT_NE(text.find("05/合计/基本支出"), std::string::npos) << text;
    EXPECT_EQ(findings[1].location.block, gpb_in_overall);
    EXPECT_EQ(findings[1].message_id, "wrong-scope");
    EXPECT_EQ(findings[1].expected, "150.00");
    EXPECT_EQ(findings[2].location.block, plain);
    EXPECT_EQ(findings[2].message_id, "mismatch");
}

// A class amount of a 一般公共预算 list that is 03's (all funds) rather than 05's: 农林水 is
// 380.00 in 05 and 370.00 in 03 here.
TEST(AmountMismatch, NamesTheAllFundsClassAmountInAGeneralBudgetList) {
    Fixture f;
    f.block("2024年度一般公共预算财政拨款支出500.00万元，主要用于以下方面：", f.gpb_structure);
    int wrong = f.block("2. 农林水（类）支出370.00万元，占76.00%；", f.gpb_structure);
    f.block("3. 住房保障（类）支出20.00万元，占4.00%。", f.gpb_structure);
    auto rule = test::make_rule("narrative-amount-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].message_id, "wrong-scope");
    EXPECT_EQ(findings[0].expected, "380.00");
}

// The fund tables are read too: an amount stated for the government fund while 07 prints
// blank cells (= 0) is reported; a state-capital amount with no 08 in the report is not judged.
TEST(AmountMismatch, ReadsTheGovernmentFundTableWithBlankCells) {
    Fixture f;
    Table& t07 = f.builder.table("07", {"年初结转和结余", "本年收入", "本年支出合计", "年末结转和结余"});
    f.builder.row(t07, "合计", {"", "", "", ""});
    int fund = f.builder.section("七、政府性基金预算财政拨款收入支出决算情况说明");
    int wrong = f.block("2024年度政府性基金预算财政拨款支出12.00万元。", fund);
    f.block("2024年度政府性基金预算财政拨款收入0.00万元。", fund);
    f.block("2024年度国有资本经营预算财政拨款支出3.00万元。", fund);
    auto rule = test::make_rule("narrative-amount-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].expected, "0.00");
}

// Where 03 and 05 print the same figure there is no other scope to name.
TEST(AmountMismatch, KeepsThePlainMessageWhenBothScopesAgree) {
    Fixture f;
    f.block("2024年度一般公共预算财政拨款基本支出150.00万元。", f.gpb_basic);
    auto rule = test::make_rule("narrative-amount-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message_id, "mismatch");
}

TEST(ShareMismatch, FlagsShareThatDoesNotFollowFromItsAmounts) {
    Fixture f;
    int wrong = f.block("本年支出合计500.00万元，其中：基本支出120.00万元，占25.00%；项目支出380.00万元，占76.00%。", f.expenditure);
    auto rule = test::make_rule("narrative-share-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].expected, "24.00%");
    EXPECT_EQ(findings[0].actual, "25.00%");
}

TEST(ShareMismatch, AcceptsRoundingNudgeAndTableWholeUnderAWrongHeading) {
    Fixture f;
    // The heading misstates the total; the shares follow the tables' 500.00 and are right.
    f.block("2024年度一般公共预算财政拨款支出400.00万元，主要用于以下方面：", f.gpb_structure);
    f.block("1. 一般公共服务（类）支出100.00万元，占20.00%；", f.gpb_structure);
    f.block("2. 农林水（类）支出380.00万元，占75.99%；", f.gpb_structure);
    f.block("3. 住房保障（类）支出20.00万元，占4.01%。", f.gpb_structure);
    f.block("其中：基本支出120.00万元，占本年支出24.00%；项目支出380.00万元，占本年支出76.00%。", f.gpb_detail);
    auto rule = test::make_rule("narrative-share-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

// The whole is the one the sentence names, not the total expenditure: a 三公 item's share of
// the 三公 total (09), an item's share of 基本支出 or 项目支出 (05 in its section).
TEST(ShareMismatch, RecomputesAgainstTheWholeTheSentenceNames) {
    Fixture f;
    f.builder.set("09", "合计", "决算数/合计", "2.00");
    int sangong = f.builder.section("七、财政拨款“三公”经费支出决算情况说明");
    f.block("公务接待费支出0.50万元，占“三公”经费的25.00%。", sangong);
    int of_total = f.block("公务接待费支出0.50万元，占“三公”经费的0.10%。", sangong);
    f.block("人员经费100.00万元，占基本支出的83.33%；公用经费20.00万元，占基本支出的16.67%。", f.gpb_basic);
    int wrong_whole = f.block("人员经费100.00万元，占基本支出的20.00%。", f.gpb_basic);
    f.block("一般行政管理事务（项）支出10.00万元，占项目支出的2.63%。", f.gpb_detail);
    auto rule = test::make_rule("narrative-share-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].location.block, of_total);
    EXPECT_EQ(findings[0].expected, "25.00%");
    EXPECT_EQ(findings[1].location.block, wrong_whole);
    EXPECT_EQ(findings[1].expected, "83.33%");
}

// 370.41 / 3000.00 = 12.347%: printed 12.34% beside 87.65% (the pair adds to 99.99) it is cut
// off (info); beside 87.66% (adds to 100.00) it is the nudge that closes the list (silent).
TEST(ShareMismatch, TruncatedShareIsInfoUnlessItClosesTheListToAHundred) {
    Fixture f;
    int cut = f.block("本年支出合计3000.00万元，其中：基本支出370.41万元，占12.34%；项目支出2629.59万元，占87.65%。", f.other);
    f.block("本年支出合计3000.00万元，其中：基本支出370.41万元，占12.34%；项目支出2629.59万元，占87.66%。", f.other);
    f.block("本年支出合计3000.00万元，其中：基本支出370.41万元，占12.35%；项目支出2629.59万元，占87.65%。", f.other);
    auto rule = test::make_rule("narrative-share-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, cut);
    EXPECT_EQ(findings[0].message_id, "truncated");
    EXPECT_EQ(findings[0].severity, Severity::info);
    EXPECT_EQ(findings[0].expected, "12.35%");
}

TEST(ShareMismatch, FlagsClassShareInAStructureList) {
    Fixture f;
    f.block("一般公共预算财政拨款支出500.00万元，主要用于以下方面：一般公共服务支出（类）100.00万元，占21.00%；农林水支出（类）380.00万元，占76.00%；", f.gpb_structure);
    auto rule = test::make_rule("narrative-share-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].actual, "21.00%");
}

// ---- narrative-change-mismatch ----------------------------------------------------------

TEST(ChangeMismatch, FlagsPercentThatDoesNotFollowFromTheAmounts) {
    Fixture f;
    int wrong = f.block("2024年度收、支总计500.00万元，与2023年度600.00万元相比，收、支总计减少100.00万元，下降15.00%。", f.overall);
    auto rule = test::make_rule("narrative-change-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].expected, "16.67%");
}

TEST(ChangeMismatch, TruncatedPercentIsInfo) {
    Fixture f;
    int cut = f.block("机关运行经费支出3370.41万元，比2023年3000.00万元增加370.41万元，增长12.34%。", f.other);
    f.block("机关运行经费支出3370.41万元，比2023年3000.00万元增加370.41万元，增长12.35%。", f.other);
    auto rule = test::make_rule("narrative-change-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, cut);
    EXPECT_EQ(findings[0].message_id, "truncated");
    EXPECT_EQ(findings[0].severity, Severity::info);
}

TEST(ChangeMismatch, FlagsChangeAmountThatIsNotTheDifference) {
    Fixture f;
    f.block("2024年度收、支总计500.00万元，与2023年度600.00万元相比减少90.00万元。", f.overall);
    auto rule = test::make_rule("narrative-change-mismatch");
    EXPECT_EQ(fired_blocks(*rule, f.report()).size(), 1u);
}

TEST(ChangeMismatch, StaysSilentOnCorrectChangesIncludingOnesComputedFromTheTables) {
    Fixture f;
    f.block("2024年度收、支总计500.00万元，与2023年度600.00万元相比，收、支总计各减少100.00万元，下降16.67 %。", f.overall);
    f.block("机关运行经费支出7.07万元，比2023年6.71万元增加0.36万元，增长5.37%。", f.other);
    // No figure of this year in the sentence: the tables give 500.00, so 100/600 = 16.67%.
    f.block("与2023年度相比，收入支出总计减少100.00万元，下降16.67%。", f.overall);
    auto rule = test::make_rule("narrative-change-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

// ---- narrative-rate-mismatch ------------------------------------------------------------

TEST(RateMismatch, FlagsCompletionRateStatedAfterItsFigures) {
    Fixture f;
    int wrong = f.block("1. 一般公共服务支出(类)。年初预算数为182.39万元，支出决算数为171.9万元。完成年初预算的97.7%，支出决算数小于年初预算数。", f.gpb_detail);
    auto rule = test::make_rule("narrative-rate-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].expected, "94.2%");
}

// 370.41 / 3000.00 = 12.347%: 12.35% is rounded (silent), 12.34% cut off (info), 12.30%
// wrong (error). The inputs' own rounding cannot reach 12.34 here.
TEST(RateMismatch, TruncatedRateIsInfoRoundedIsSilentOtherIsError) {
    Fixture f;
    f.block("年初预算为3000.00万元，支出决算为370.41万元，完成年初预算的12.35%。", f.gpb_detail);
    int cut = f.block("年初预算为3000.00万元，支出决算为370.41万元，完成年初预算的12.34%。", f.gpb_detail);
    int wrong = f.block("年初预算为3000.00万元，支出决算为370.41万元，完成年初预算的12.30%。", f.gpb_detail);
    auto rule = test::make_rule("narrative-rate-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].location.block, cut);
    EXPECT_EQ(findings[0].message_id, "truncated");
    EXPECT_EQ(findings[0].severity, Severity::info);
    EXPECT_EQ(findings[0].expected, "12.35%");
    EXPECT_EQ(findings[1].location.block, wrong);
    EXPECT_EQ(findings[1].message_id, "mismatch");
    EXPECT_FALSE(findings[1].severity.has_value());
}

// A truncation the inputs' rounding explains is not one: 37.04 / 300.00 = 12.3467%, but
// 37.035 / 300.005 = 12.3448% rounds to 12.34.
TEST(RateMismatch, RateTheInputsRoundingExplainsIsSilent) {
    Fixture f;
    f.block("年初预算为300.00万元，支出决算为37.04万元，完成年初预算的12.34%。", f.gpb_detail);
    auto rule = test::make_rule("narrative-rate-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

// 「其中：因公出国（境）费决算为0.00万元，完成预算的0%」 states no budget: the item's 09 预算数 is
// the base. Blank there (0): no rate exists (zero-base); 0.95: the rate must follow from it.
struct ThreePublicItems {
    ReportBuilder builder;
    int section;
    ThreePublicItems() {
        Table& t09 = builder.table("09", {"预算数/合计", "决算数/合计", "预算数/因公出国（境）费", "决算数/因公出国（境）费",
                                          "预算数/公务接待费", "决算数/公务接待费"});
        builder.row(t09, "合计", {"0.95", "0.50", "", "", "0.95", "0.50"});
        section = builder.section("七、财政拨款“三公”经费支出决算情况说明");
    }
};

TEST(RateMismatch, ARateWithoutAStatedBudgetFollowsTheTablesBudget) {
    ThreePublicItems f;
    f.builder.block("“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.50万元，完成预算的52.63%，其中：因公出国（境）费决算为0.00万元，完成预算的0%；公务接待费支出决算为0.50万元，完成预算的52.63%。", f.section);
    int wrong = f.builder.block("公务接待费支出决算为0.50万元，完成预算的60.00%。", f.section);
    auto rate = test::make_rule("narrative-rate-mismatch");
    auto findings = testing::run_rule(*rate, f.builder.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].expected, "52.63%");
}

TEST(ZeroBase, ARateAgainstABlankBudgetInTheTableHasNoBase) {
    ThreePublicItems f;
    int block = f.builder.block("“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.50万元，完成预算的52.63%，其中：因公出国（境）费决算为0.00万元，完成预算的0%；公务接待费支出决算为0.50万元，完成预算的52.63%。", f.section);
    auto zero = test::make_rule("narrative-zero-base");
    auto findings = testing::run_rule(*zero, f.builder.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, block);
    EXPECT_EQ(findings[0].actual, "0%");
    std::string text = render_message(zero->meta().message(findings[0].message_id)->zh, findings[0].args);
    EXPECT_NE(text.find("09/合计/预算数/因公出国（境）费"), std::string::npos) << text;
}

// A 09 read without the 公务用车购置及运行费 小计 column: its budget is 购置费 + 运行费.
TEST(ZeroBase, AVehicleRateReadsThePartsWhenThe09HasNoSubtotal) {
    ReportBuilder builder;
    Table& t09 = builder.table("09", {"预算数/合计", "预算数/公务用车购置费", "预算数/公务用车运行费", "预算数/公务接待费",
                                      "决算数/合计", "决算数/公务用车购置费", "决算数/公务用车运行费", "决算数/公务接待费"});
    builder.row(t09, "合计", {"2.00", "", "", "2.00", "1.00", "", "", "1.00"});
    int section = builder.section("七、财政拨款“三公”经费支出决算情况说明");
    int block = builder.block("公务用车购置及运行维护费支出决算为0.00万元，完成预算的0%。", section);
    builder.block("公务接待费支出决算为1.00万元，完成预算的50.00%。", section);
    auto zero = test::make_rule("narrative-zero-base");
    EXPECT_EQ(fired_blocks(*zero, builder.report()), std::vector<int>{block});
    builder.set("09", "合计", "预算数/公务用车运行费", "0.50");
    EXPECT_TRUE(fired_blocks(*zero, builder.report()).empty());
    auto rate = test::make_rule("narrative-rate-mismatch");
    EXPECT_EQ(fired_blocks(*rate, builder.report()), std::vector<int>{}) << "0.00 of 0.50 is 0%";
}

TEST(RateMismatch, StaysSilentOnCorrectRatesAndOtherBudgets) {
    Fixture f;
    f.block("2024年一般公共预算财政拨款支出年初预算为606.24万元，支出决算为592.29万元，完成年初预算97.7%。", f.gpb_detail);
    f.block("全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%。", f.gpb_detail);
    f.block("年初预算为0.95万元，支出决算为0.00万元，完成预算的0%，其中：公务接待费决算为0.00万元，完成预算的0%。", f.other);
    auto rule = test::make_rule("narrative-rate-mismatch");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

TEST(RateMismatch, ChecksAttachmentFormRate) {
    Fixture f;
    auto& bad = f.builder.attachment("附件2-3");
    f.builder.field(bad, "预算数", "4050万元");
    f.builder.field(bad, "执行数", "403万元");
    f.builder.field(bad, "执行率", "99.51%");
    auto& good = f.builder.attachment("附件2-1");
    f.builder.field(good, "预算数", "20.29万元");
    f.builder.field(good, "执行数", "20.02万元");
    f.builder.field(good, "执行率", "98.68%");
    auto rule = test::make_rule("narrative-rate-mismatch");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].actual, "99.51%");
    EXPECT_EQ(findings[0].expected, "9.95%");
}

// ---- narrative-comparison-word ----------------------------------------------------------

TEST(ComparisonWord, FlagsGreaterWhenTheActualIsBelowTheBudget) {
    Fixture f;
    int wrong = f.block("年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数大于预算数的主要原因：人员变化。", f.gpb_detail);
    int equal = f.block("年初预算为62.29 万元，支出决算为60.99万元。 决算数等于预算数的主要原因：按实际支出。", f.gpb_detail);
    auto rule = test::make_rule("narrative-comparison-word");
    EXPECT_EQ(fired_blocks(*rule, f.report()), (std::vector<int>{wrong, equal}));
}

TEST(ComparisonWord, FlagsIncreaseWhenTheValueFell) {
    Fixture f;
    int wrong = f.block("机关运行经费支出6.00万元，比2023年6.71万元增加0.71万元。", f.other);
    auto rule = test::make_rule("narrative-comparison-word");
    EXPECT_EQ(fired_blocks(*rule, f.report()), std::vector<int>{wrong});
}

TEST(ComparisonWord, StaysSilentWhenTheWordsFitTheFigures) {
    Fixture f;
    f.block("年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数的主要原因：人员变化。", f.gpb_detail);
    f.block("年初预算为 10.00 万元，支出决算为10.00万元。决算数与预算数基本持平。", f.gpb_detail);
    f.block("“三公”经费财政拨款支出预算数为0.00万元，支出决算为0.00万元，较上年0.00万元无变化。", f.other);
    f.block("机关运行经费支出7.07万元，比2023年6.71万元增加0.36万元。", f.other);
    f.block("与2023年度相比，财政拨款收入支出总计持平。", f.fiscal);
    auto rule = test::make_rule("narrative-comparison-word");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

// The sentence names 预算 and 决算 in earlier clauses, but its 持平 compares this year's
// actual with the prior year's figure in its own clause: never the budget pair.
TEST(ComparisonWord, PairsLevelWithThePriorYearFigureOfItsOwnClause) {
    Fixture f;
    f.block("2024年度“三公”经费财政拨款支出预算为1.20万元，支出决算为0.77万元，完成预算的64.17%，与2023年度0.77万元相比持平。",
            f.other);
    int wrong = f.block("2024年度“三公”经费财政拨款支出预算为1.20万元，支出决算为0.77万元，完成预算的64.17%，与2023年度0.90万元相比持平。",
                        f.other);
    auto rule = test::make_rule("narrative-comparison-word");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].actual, "0.77 vs 0.90");
}

// ---- narrative-zero-base ----------------------------------------------------------------

TEST(ZeroBase, FlagsGrowthRateOfAUnitNewThisYear) {
    Fixture f;
    int growth = f.block("机关运行经费支出 10.23 万元，比 2023 年度增加 10.23 万元，增长 100.00%。", f.other);
    int total = f.block("与 2023 年度相比，收入支出总计增加 500.00 万元，增长100.00%。", f.overall);
    int rate = f.block("一般公共预算财政拨款支出年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。", f.gpb_detail);
    auto rule = test::make_rule("narrative-zero-base");
    EXPECT_EQ(fired_blocks(*rule, f.report()), (std::vector<int>{growth, total, rate}));
}

TEST(ZeroBase, StaysSilentOnRealBasesAndZeroOfZero) {
    Fixture f;
    f.block("一般公共预算财政拨款支出年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成全年预算的 95.89%。", f.gpb_detail);
    f.block("年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。", f.other);
    f.block("机关运行经费支出7.07万元，比2023年6.71万元增加0.36万元，增长5.37%。", f.other);
    auto rule = test::make_rule("narrative-zero-base");
    EXPECT_TRUE(fired_blocks(*rule, f.report()).empty());
}

// The message names the base and says how it was found, not the change amount alone.
TEST(ZeroBase, MessageShowsTheBaseDerivedFromThisYearLessTheIncrease) {
    Fixture f;
    f.block("机关运行经费支出 10.23 万元，比 2023 年度增加 10.23 万元，增长 100.00%。", f.other);
    auto rule = test::make_rule("narrative-zero-base");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    const Finding& finding = findings[0];
    ASSERT_EQ(finding.message_id, "derived-zero");
    const MessageSpec* spec = rule->meta().message("derived-zero");
    ASSERT_NE(spec, nullptr);
    std::string zh = render_message(spec->zh, finding.args);
    std::string en = render_message(spec->en, finding.args);
    EXPECT_NE(zh.find("上年数＝本年数10.23万元（正文所述）－增加额10.23万元＝0.00万元"), std::string::npos) << zh;
    EXPECT_NE(en.find("this year's 10.23 (as stated) less the increase 10.23 = 0.00"), std::string::npos) << en;
}

TEST(ZeroBase, MessageNamesAStatedZeroBudgetAsTheBase) {
    Fixture f;
    f.block("一般公共预算财政拨款支出年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。", f.gpb_detail);
    auto rule = test::make_rule("narrative-zero-base");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    ASSERT_EQ(findings[0].message_id, "mismatch");
    const MessageSpec* spec = rule->meta().message("mismatch");
    ASSERT_NE(spec, nullptr);
    std::string zh = render_message(spec->zh, findings[0].args);
    std::string en = render_message(spec->en, findings[0].args);
    EXPECT_NE(zh.find("以年初预算数为基数，而年初预算数为0万元"), std::string::npos) << zh;
    EXPECT_NE(en.find("computed on the initial budget, which is 0万元"), std::string::npos) << en;
}

// ---- the shared analysis ----------------------------------------------------------------

TEST(SharedAnalysis, IsBuiltOncePerReportAndLexicon) {
    Fixture f;
    f.block("机关运行经费支出7.07万元，比2023年6.71万元增加0.36万元，增长5.37%。", f.other);
    const Analysis& first = shared_analysis(f.report(), test::national_lexicon());
    const Analysis& again = shared_analysis(f.report(), test::national_lexicon());
    EXPECT_EQ(&first, &again);
    EXPECT_EQ(first.blocks.size(), f.report().blocks.size());

    // Another lexicon (a region's) gets its own analysis of the same report.
    auto other = std::make_shared<const Lexicon>(*test::national_lexicon());
    EXPECT_NE(&shared_analysis(f.report(), other), &first);

    // Another report never sees this one's analysis.
    Fixture g;
    g.block("机关运行经费支出7.07万元。", g.other);
    const Analysis& second = shared_analysis(g.report(), test::national_lexicon());
    EXPECT_NE(&second, &first);
    EXPECT_EQ(second.report, &g.report());
}

TEST(SharedAnalysis, AllRulesOnOneReportGiveTheSameFindingsAsOnFreshReports) {
    auto build = [](Fixture& f) {
        f.block("2024年度一般公共预算财政拨款支出400.00万元，主要用于以下方面：", f.gpb_structure);
        f.block("机关运行经费支出 10.23 万元，比 2023 年度增加 10.23 万元，增长 100.00%。", f.other);
        f.block("年初预算为0.95万元，支出决算为0.00万元，决算数大于预算数。", f.other);
    };
    Fixture shared;
    build(shared);
    std::vector<std::string> together, apart;
    for (const auto& rule : make_rules(test::national_lexicon())) {
        for (const Finding& finding : testing::run_rule(*rule, shared.report()))
            together.push_back(finding.rule_id + " " + finding.actual);
        Fixture fresh;
        build(fresh);
        for (const Finding& finding : testing::run_rule(*rule, fresh.report()))
            apart.push_back(finding.rule_id + " " + finding.actual);
    }
    EXPECT_FALSE(together.empty());
    EXPECT_EQ(together, apart);
}

// ---- narrative-duplicate-fact -----------------------------------------------------------

TEST(DuplicateFact, FlagsStaffCountStatedWithTwoValues) {
    Fixture f;
    f.block("2024年末实有人数总共11人，其中在职实有人数3人，退休实有人数为8人。", f.other);
    f.block("2023年末在职实有人数5人。", f.other);
    int wrong = f.block("按年底在职人数4人精准编制基本支出。", f.other);
    auto rule = test::make_rule("narrative-duplicate-fact");
    EXPECT_EQ(fired_blocks(*rule, f.report()), std::vector<int>{wrong});
}

TEST(DuplicateFact, FlagsProjectBudgetThatDiffersFromTheSummaryTable) {
    Fixture f;
    auto& form = f.builder.attachment("附件2-3");
    f.builder.field(form, "项目名称", "乡村振兴专项经费");
    f.builder.field(form, "预算数", "4050万元");
    auto& fine = f.builder.attachment("附件2-1");
    f.builder.field(fine, "项目名称", "党建经费");
    f.builder.field(fine, "预算数", "20.29万元");
    Table& summary = f.builder.table("other-2", {"序号", "项目名称", "财政资金总额"});
    f.builder.row(summary, "1", {"1", "党建经费", "20.29万元"});
    f.builder.row(summary, "2", {"2", "乡村振兴专项经费", "405万元"});
    auto rule = test::make_rule("narrative-duplicate-fact");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.table, "other-2");
    EXPECT_EQ(findings[0].location.row, "2");
}

// The summary says 405 and so do the form's own indicators that state the budget: the form's
// 预算数 4050 is the odd one out (reported at the form), never the summary row. When the
// indicators side with the form instead, the summary row is reported.
TEST(DuplicateFact, SummaryRowThatTheFormsIndicatorsConfirmIsNotReported) {
    for (const char* indicator_amount : {"405万元", "4050万元"}) {
        Fixture f;
        Table& indicators = f.builder.table("att-2-3", {"1", "2", "3", "4"});
        f.builder.row(indicators, "h", {"二级指标", "三级指标", "年初目标值 (A)", "实际完成值 (B)"});
        f.builder.row(indicators, "9", {"数量指标", "专项资金拨付", indicator_amount, "403万元"});
        auto& form = f.builder.attachment("附件2-3");
        form.tables.push_back(static_cast<int>(f.report().tables.size() - 1));
        f.builder.field(f.report().attachments.back(), "项目名称", "乡村振兴专项经费");
        f.builder.field(f.report().attachments.back(), "预算数 (A)", "4050万元");
        Table& summary = f.builder.table("other-2", {"序号", "项目名称", "财政资金总额"});
        f.builder.row(summary, "2", {"2", "乡村振兴专项经费", "405万元"});
        auto rule = test::make_rule("narrative-duplicate-fact");
        auto findings = testing::run_rule(*rule, f.report());
        const bool form_is_odd = std::string(indicator_amount) == "405万元";
        ASSERT_EQ(findings.size(), 1u) << indicator_amount;
        if (form_is_odd) EXPECT_NE(findings[0].location.table, "other-2");
        else EXPECT_EQ(findings[0].location.table, "other-2");
        EXPECT_EQ(findings[0].expected, form_is_odd ? "405.00" : "4050.00") << indicator_amount;
        EXPECT_EQ(findings[0].actual, form_is_odd ? "4050.00" : "405.00") << indicator_amount;
    }
}

// A form's indicator row: the name in one cell, the count in the 实际完成值 cell. The ratio
// in brackets is read as a ratio, never as 100 people.
TEST(DuplicateFact, ComparesAFormIndicatorCountWithTheProse) {
    Fixture f;
    int prose = f.block("2024年末实有人数总共11人，其中在职实有人数3人，退休实有人数为8人。", f.other);
    Table& table = f.builder.table("att-1", {"1", "2", "3"});
    f.builder.row(table, "h", {"三级指标", "年初目标值(a)", "实际完成值()"});
    f.builder.row(table, "6", {"在职人员控制率", "4人", "4人（比率=100%）"});
    f.builder.row(table, "7", {"退休人员控制率", "8人", "8人（比率=100%）"});
    f.builder.row(table, "8", {"编制数控制", "5人", "5人"});
    auto& form = f.builder.attachment("附件1");
    form.tables.push_back(static_cast<int>(f.report().tables.size() - 1));
    auto rule = test::make_rule("narrative-duplicate-fact");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.table, "att-1");
    EXPECT_EQ(findings[0].location.row, "6");
    EXPECT_EQ(findings[0].location.column, "3");
    EXPECT_EQ(findings[0].expected, "3人");
    EXPECT_EQ(findings[0].actual, "4人");
    ASSERT_EQ(findings[0].evidence.size(), 2u);
    EXPECT_EQ(findings[0].evidence[0].location.block, prose);
    EXPECT_EQ(findings[0].evidence[1].location.table, "att-1");
}

TEST(DuplicateFact, KeepsCountsOfOtherYearsPointsAndChangesApart) {
    Fixture f;
    // 上年末 and 2023年末 are the same point: both say 7.
    f.block("2024年末在职实有人数3人。年初在职实有人数5人，上年末在职人数7人。", f.other);
    f.block("在职人数比上年增加1人，2023年末在职实有人数7人。在职实有人数3人，与2023年相比减少4人。", f.other);
    auto rule = test::make_rule("narrative-duplicate-fact");
    for (const Finding& finding : testing::run_rule(*rule, f.report()))
        ADD_FAILURE() << "fired at " << testing::location_key(finding) << ": " << finding.expected << " vs " << finding.actual;
}

TEST(DuplicateFact, ReadsTheYearAndPointOfACountFromItsSentence) {
    EXPECT_EQ(time_frame(U"2024年末实有人数总共11人，其中在职", 2024), (TimeFrame{2024, false}));
    EXPECT_EQ(time_frame(U"年初在职", 2024), (TimeFrame{2024, true}));
    EXPECT_EQ(time_frame(U"按上年底实有人数", 2024), (TimeFrame{2023, false}));
    EXPECT_EQ(time_frame(U"2023年在职", 2024), (TimeFrame{2023, false}));
    EXPECT_EQ(time_frame(U"在职人员控制率", 2024), (TimeFrame{2024, false}));
    EXPECT_EQ(time_frame(U"与2023年相比在职人员", 2024), (TimeFrame{2024, false}));
}

TEST(DuplicateFact, FlagsTotalCountWhosePartsDoNotAddUp) {
    Fixture f;
    int wrong = f.block("2024年末实有人数总共12人，其中在职实有人数3人，退休实有人数为8人。", f.other);
    f.block("2023年末实有人数20人，其中在职实有人数12人。", f.other);  // one part: may be less
    f.block("2022年末实有人数11人，其中在职实有人数3人，退休实有人数为8人。", f.other);
    auto rule = test::make_rule("narrative-duplicate-fact");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].message_id, "partition");
    EXPECT_EQ(findings[0].expected, "11");
    EXPECT_EQ(findings[0].actual, "12");
}

// The form alone: 预算数 (A) 4050 while the indicators that state the budget say 405.
TEST(DuplicateFact, FlagsFormBudgetThatItsOwnIndicatorsContradict) {
    for (const char* budget : {"4050万元", "405万元"}) {
        Fixture f;
        Table& table = f.builder.table("att-2-3", {"1", "2", "3", "4"});
        f.builder.row(table, "h", {"二级指标", "三级指标", "年初目标值 (A)", "实际完成值 (B)"});
        f.builder.row(table, "9", {"数量指标", "专项资金拨付", "405万元", "403万元"});
        f.builder.row(table, "12", {"成本指标", "专项拨付经费不超预算", "专项拨付经费 405万元有保障，不超预算。", "实际支付403万元"});
        f.builder.row(table, "13", {"成本指标", "会议费控制", "2万元", "1.8万元"});
        f.builder.row(table, "14", {"数量指标", "政府采购金额", "4.5万元", "4.5万元"});
        auto& form = f.builder.attachment("附件2-3");
        form.tables.push_back(static_cast<int>(f.report().tables.size() - 1));
        f.builder.field(f.report().attachments.back(), "项目名称", "乡村振兴专项经费");
        f.builder.field(f.report().attachments.back(), "预算数 (A)", budget);
        auto rule = test::make_rule("narrative-duplicate-fact");
        auto findings = testing::run_rule(*rule, f.report());
        if (std::string(budget) == "405万元") {
            EXPECT_TRUE(findings.empty());
            continue;
        }
        ASSERT_EQ(findings.size(), 1u);
        EXPECT_EQ(findings[0].expected, "405.00");
        EXPECT_EQ(findings[0].actual, "4050.00");
        EXPECT_EQ(findings[0].evidence.size(), 3u);  // the 预算数 and both indicators
    }
}

// ---- narrative-wrong-kind ---------------------------------------------------------------

TEST(WrongKind, FlagsItemCalledBasicThatTable05BooksAsProject) {
    Fixture f;
    int wrong = f.block("2、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）一般行政管理事务（项）。主要用于：业务指导与宣传等基本支出。年初预算为 10.00 万元，支出决算为10.00万元。", f.gpb_detail);
    f.block("1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）。主要用于：人员经费及公用经费等的基本支出。", f.gpb_detail);
    f.block("3、农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴支出（项）。主要用于：帮扶项目支出。", f.gpb_detail);
    auto rule = test::make_rule("narrative-wrong-kind");
    auto findings = testing::run_rule(*rule, f.report());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, wrong);
    EXPECT_EQ(findings[0].expected, "项目支出");
}

// ---- narrative-listed-items ------------------------------------------------------------

// 公用经费 100.00: 办公费 30, 差旅费 25, 会议费 20, 培训费 15, 邮电费 10. A list naming the two
// largest leaves out 会议费 (3rd largest, 20%: warning), 培训费 and 邮电费 (a tenth or more but
// not among the three largest: info).
TEST(ListedItems, OmittingOneOfTheThreeLargestItemsIsAWarning) {
    ReportBuilder builder;
    Table& t06 = builder.table("06", {"决算数"});
    builder.row(t06, "302", {"100.00"}, "302", "商品和服务支出");
    builder.row(t06, "30201", {"30.00"}, "30201", "办公费");
    builder.row(t06, "30211", {"25.00"}, "30211", "差旅费");
    builder.row(t06, "30215", {"20.00"}, "30215", "会议费");
    builder.row(t06, "30216", {"15.00"}, "30216", "培训费");
    builder.row(t06, "30207", {"10.00"}, "30207", "邮电费");
    int section = builder.section("六、一般公共预算财政拨款基本支出决算情况说明");
    int list = builder.block("公用经费100.00万元，主要包括：办公费、差旅费。", section);
    builder.block("公用经费100.00万元，主要用于保障机构正常运转。", section);  // purposes, not items
    builder.block("公用经费100.00万元，主要用于办公费、差旅费、会议费、培训费、邮电费。", section);
    auto rule = test::make_rule("narrative-listed-items");
    auto findings = testing::run_rule(*rule, builder.report());
    ASSERT_EQ(findings.size(), 3u);
    for (const Finding& finding : findings) {
        EXPECT_EQ(finding.location.block, list);
        EXPECT_EQ(finding.message_id, "omitted-item");
    }
    EXPECT_EQ(findings[0].expected, "会议费");
    EXPECT_EQ(findings[0].severity, Severity::warning);
    EXPECT_EQ(findings[1].expected, "培训费");
    EXPECT_EQ(findings[1].severity, Severity::info);
    EXPECT_EQ(findings[2].expected, "邮电费");
    EXPECT_EQ(findings[2].severity, Severity::info);
}

// ---- metadata ---------------------------------------------------------------------------

TEST(NarrativeRules, DeclareIdsTitlesAndBilingualMessages) {
    auto rules = make_rules(test::national_lexicon());
    ASSERT_GE(rules.size(), 9u);
    for (const auto& rule : rules) {
        const RuleMeta& meta = rule->meta();
        EXPECT_EQ(meta.id.rfind("narrative-", 0), 0u) << meta.id;
        EXPECT_FALSE(meta.title_zh.empty()) << meta.id;
        EXPECT_FALSE(meta.title_en.empty()) << meta.id;
        ASSERT_FALSE(meta.messages.empty()) << meta.id;
        for (const MessageSpec& message : meta.messages) {
            EXPECT_FALSE(message.zh.empty()) << meta.id << " " << message.id;
            EXPECT_FALSE(message.en.empty()) << meta.id << " " << message.id;
        }
        EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::path(FINCHECK_SOURCE_DIR) / meta.docs))
            << meta.id << " has no documentation page " << meta.docs;
    }
}

}  // namespace
}  // namespace fincheck::narrative
