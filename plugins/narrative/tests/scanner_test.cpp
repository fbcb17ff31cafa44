// The claim scanner on sentence shapes taken from published reports.
#include <gtest/gtest.h>

#include "scanner.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }
std::string utf8(const std::u32string& s) { return to_utf8(s); }

std::vector<Claim> scan(const char* text, int year = 2024) { return scan_claims(text, ScanOptions{year}); }

TEST(ClaimScanner, ReadsAmountWithStraySpaceInsideTheNumber) {
    auto claims = scan("2024 年度支出合计 592. 29 万元。");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].kind, ClaimKind::amount);
    EXPECT_EQ(claims[0].value, dec("592.29"));
    EXPECT_EQ(claims[0].decimals, 2);
    EXPECT_EQ(utf8(claims[0].subject), "2024年度支出合计");
}

TEST(ClaimScanner, NeverReadsAYearAsAnAmount) {
    auto claims = scan("截至2024年12月31日，共有车辆0辆。");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].kind, ClaimKind::count);
    EXPECT_EQ(claims[0].value, dec("0"));
}

TEST(ClaimScanner, MarksPriorYearFigureAfterComparisonLead) {
    auto claims = scan("收、支与2023年度656.23万元相比，收、支总计各减少63.94万元，下降9.74 %，主要原因……");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_EQ(claims[0].kind, ClaimKind::amount);
    EXPECT_TRUE(claims[0].prior_year);
    EXPECT_EQ(claims[1].kind, ClaimKind::change_amount);
    EXPECT_EQ(claims[1].relation, Relation::less);
    EXPECT_EQ(claims[1].value, dec("63.94"));
    EXPECT_EQ(utf8(claims[1].subject), "收支总计各减少");
    EXPECT_EQ(claims[2].kind, ClaimKind::change_percent);
    EXPECT_EQ(claims[2].value, dec("9.74"));
    EXPECT_EQ(claims[2].decimals, 2);
}

TEST(ClaimScanner, ChangeLeftAsTheTemplatesChoiceHasNoDirection) {
    // 「减少（增加）」 states both: still a change amount (not this year's figure), of no direction.
    for (const char* text : {"与2023年度0.98万元相比减少（增加）0.07万元，下降7.14%。",
                             "与2023年度0.98万元相比减少(增加)0.07万元，下降7.14%。"}) {
        auto claims = scan(text);
        ASSERT_GE(claims.size(), 2u) << text;
        EXPECT_EQ(claims[1].kind, ClaimKind::change_amount) << text;
        EXPECT_EQ(claims[1].relation, Relation::none) << text;
    }
    // A single verb keeps its direction.
    auto plain = scan("与2023年度0.98万元相比减少0.07万元。");
    ASSERT_GE(plain.size(), 2u);
    EXPECT_EQ(plain[1].relation, Relation::less);
}

TEST(ClaimScanner, ThisYearFigureBeforeThePriorOneIsNotPrior) {
    auto claims = scan("机关运行经费支出7.07万元，比2023年6.71万元增加0.36万元，");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_FALSE(claims[0].prior_year);
    EXPECT_TRUE(claims[1].prior_year);
    EXPECT_EQ(claims[2].kind, ClaimKind::change_amount);
    EXPECT_EQ(claims[2].relation, Relation::greater);
}

TEST(ClaimScanner, ReadsShareWithItsWholePhrase) {
    auto claims = scan("2024年度一般公共预算财政拨款支出592.29万元，占本年支出合计的100.00%，");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[1].kind, ClaimKind::share);
    EXPECT_EQ(utf8(claims[1].whole), "本年支出合计");
    EXPECT_EQ(claims[1].value, dec("100"));
}

TEST(ClaimScanner, ReadsBareShareOfAListItem) {
    auto claims = scan("1. 一般公共服务（类）支出171.9万元，占29.02%；");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].value, dec("171.9"));
    EXPECT_EQ(claims[0].decimals, 1);
    EXPECT_EQ(utf8(claims[0].subject), "1.一般公共服务支出");
    EXPECT_EQ(claims[1].kind, ClaimKind::share);
    EXPECT_TRUE(claims[1].whole.empty());
}

TEST(ClaimScanner, ReadsThousandsSeparatorAndFullWidthForms) {
    auto claims = scan("本年收入合计２,946.25万元，其中：财政拨款收入2,940.05万元，占９９．７９％；");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_EQ(claims[0].value, dec("2946.25"));
    EXPECT_EQ(claims[1].value, dec("2940.05"));
    EXPECT_TRUE(claims[1].after_qizhong);
    EXPECT_EQ(claims[2].kind, ClaimKind::share);
    EXPECT_EQ(claims[2].value, dec("99.79"));
}

TEST(ClaimScanner, ReadsBudgetActualAndRateRoles) {
    auto claims = scan("一般公共预算财政拨款支出年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。");
    ASSERT_EQ(claims.size(), 4u);
    EXPECT_EQ(claims[0].role, Role::budget);
    EXPECT_EQ(claims[0].budget_kind, BudgetKind::initial);
    EXPECT_EQ(claims[1].role, Role::budget);
    EXPECT_EQ(claims[1].budget_kind, BudgetKind::adjusted);
    EXPECT_EQ(claims[2].role, Role::actual);
    EXPECT_EQ(claims[3].kind, ClaimKind::rate);
    EXPECT_EQ(claims[3].budget_kind, BudgetKind::initial);
}

TEST(ClaimScanner, ConvertsYuanAndYiToWanYuan) {
    auto claims = scan("采购金额2880元，总额1.5亿元。");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].value, dec("0.288"));
    EXPECT_EQ(claims[1].value, dec("15000"));
}

TEST(ClaimScanner, KeepsSentencesApart) {
    auto claims = scan("年初预算数为182.39万元，支出决算数为171.9万元。完成年初预算的97.7%，");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_EQ(claims[0].sentence, claims[1].sentence);
    EXPECT_NE(claims[1].sentence, claims[2].sentence);
    EXPECT_EQ(claims[2].kind, ClaimKind::rate);
}

TEST(ClaimScanner, ReadsComparisonWordsBetweenActualAndBudget) {
    auto claims = scan("决算数大于预算数的主要原因：人员变动。决算数与预算数基本持平。较上年无变化。");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_EQ(claims[0].kind, ClaimKind::comparison);
    EXPECT_EQ(claims[0].relation, Relation::greater);
    EXPECT_TRUE(claims[0].names_actual_vs_budget);
    EXPECT_EQ(claims[1].relation, Relation::about_equal);
    EXPECT_TRUE(claims[1].names_actual_vs_budget);
    EXPECT_EQ(claims[2].relation, Relation::equal);
    EXPECT_FALSE(claims[2].names_actual_vs_budget);
}

TEST(ClaimScanner, FundNamesAreNotBudgets) {
    auto claims = scan("2024年度一般公共预算财政拨款支出492.29万元，年初预算为606.24万元。");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].role, Role::level);
    EXPECT_EQ(claims[1].role, Role::budget);
}

TEST(ClaimScanner, SpansCountCodePointsOfTheOriginalText) {
    std::string text = "公用经费 7.07万元";
    auto claims = scan(text.c_str());
    ASSERT_EQ(claims.size(), 1u);
    std::u32string original = to_u32(text);
    EXPECT_EQ(to_utf8(original.substr(claims[0].begin, claims[0].end - claims[0].begin)), "7.07万元");
}

TEST(ClaimScanner, IgnoresNumbersWithoutUnitsAndDocumentNumbers) {
    auto claims = scan("根据（财预〔2023〕6号）、1. 下设科室：办公室。");
    EXPECT_TRUE(claims.empty());
}

TEST(ClaimScanner, JoinsAWordBrokenByALineBreak) {
    auto claims = scan("一般公共预算财政拨款支\n出决算为592.29万元。");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(utf8(claims[0].subject), "一般公共预算财政拨款支出决算为");
    EXPECT_EQ(claims[0].role, Role::actual);
}

}  // namespace
}  // namespace fincheck::narrative
