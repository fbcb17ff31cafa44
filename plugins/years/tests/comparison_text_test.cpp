// What counts as comparing periods: the guard that keeps the years rules quiet on
// 「与2023年度相比」 but not on 「（比例）」.
#include "comparison_text.hpp"

#include <gtest/gtest.h>

namespace fincheck::years {
namespace {

TEST(ComparisonText, RecognisesComparisonPhrases) {
    EXPECT_TRUE(has_comparison_phrase("与2023年度相比"));
    EXPECT_TRUE(has_comparison_phrase("比2023年增加"));
    EXPECT_TRUE(has_comparison_phrase("比 2023 年度增加"));
    EXPECT_TRUE(has_comparison_phrase("比上年增减情况表"));
    EXPECT_TRUE(has_comparison_phrase("较上年"));
    EXPECT_TRUE(has_comparison_phrase("较2023年"));
    EXPECT_TRUE(has_comparison_phrase("同比下降"));
    EXPECT_TRUE(has_comparison_phrase("2023年与2024年收支对比表"));
    EXPECT_TRUE(has_comparison_phrase("决算与预算比较情况"));
    EXPECT_TRUE(has_comparison_phrase("上年（2023年）"));
    EXPECT_TRUE(has_comparison_phrase("与2023年度决算数656.23万元减少63.94万元"));
    EXPECT_TRUE(has_comparison_phrase("与上一年持平"));
}

TEST(ComparisonText, ShareWordsAndJoinedNounsAreNotComparisons) {
    EXPECT_FALSE(has_comparison_phrase("2023年度部门决算表（比例）"));
    EXPECT_FALSE(has_comparison_phrase("2023年度支出结构比率"));
    EXPECT_FALSE(has_comparison_phrase("2023年度各项支出比重"));
    EXPECT_FALSE(has_comparison_phrase("2023年度基本支出占比"));
    EXPECT_FALSE(has_comparison_phrase("2023年度收入与支出决算表"));
    EXPECT_FALSE(has_comparison_phrase("与3家单位共同"));
    EXPECT_FALSE(has_comparison_phrase("变化较为明显"));
}

TEST(ComparisonText, ChangeVerbsCountInProseOnly) {
    EXPECT_FALSE(has_comparison_phrase("收入支出总计减少56.95万元"));
    EXPECT_TRUE(states_change("收入支出总计减少56.95万元"));
    EXPECT_TRUE(states_change("与2023年度持平"));
    EXPECT_FALSE(states_change("上海市普陀区财政局2023年度收入支出总计2995.39万元"));
}

}  // namespace
}  // namespace fincheck::years
