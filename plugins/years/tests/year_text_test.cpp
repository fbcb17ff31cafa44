#include "year_text.hpp"

#include "clause_text.hpp"

#include <gtest/gtest.h>

namespace fincheck::years {
namespace {

TEST(YearText, FindsYearWithAndWithoutSpacesAndFullWidthDigits) {
    auto mentions = find_year_mentions("与2023年度相比，2024 年度，２０２２年");
    ASSERT_EQ(mentions.size(), 3u);
    EXPECT_EQ(mentions[0].year, 2023);
    EXPECT_EQ(mentions[1].year, 2024);
    EXPECT_EQ(mentions[2].year, 2022);
}

TEST(YearText, IgnoresAmountsAndLongNumbers) {
    EXPECT_TRUE(find_year_mentions("支出2024.50万元，编号120245年").empty());
    EXPECT_TRUE(find_year_mentions("共3000人").empty());
}

TEST(YearText, MarksYearsInsideCitedDocumentTitlesAsQuoted) {
    auto mentions = find_year_mentions("根据《关于2023年预算的通知》（财预〔2023〕6号）");
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_TRUE(mentions[0].quoted);
}

TEST(YearText, ReadsRangesAsOneSpan) {
    auto dash = find_year_mentions("2021-2024年规划");
    ASSERT_EQ(dash.size(), 1u);
    EXPECT_EQ(dash[0].range_low, 2021);
    EXPECT_EQ(dash[0].range_high, 2024);
    auto words = find_year_mentions("2021年至2025年");
    ASSERT_EQ(words.size(), 2u);
    EXPECT_TRUE(mentions_year(words, 2023));
}

TEST(YearText, ReadsRangesWithSpacesAndKeepsTheLeftEndAsBegin) {
    const std::string_view text = "规划 2021 - 2024 年执行";
    auto mentions = find_year_mentions(text);
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_EQ(mentions[0].year, 2021);
    EXPECT_EQ(mentions[0].range_high, 2024);
    EXPECT_EQ(mentions[0].begin, text.find("2021"));
    EXPECT_EQ(mentions[0].end, text.find("年") + std::string_view("年").size());
    EXPECT_FALSE(mentions[0].single());
}

TEST(YearText, DigitsOfALongerNumberOrCodeAreNoYear) {
    EXPECT_TRUE(find_year_mentions("编号X2024年").empty());
    EXPECT_TRUE(find_year_mentions("20232024年").empty());
    EXPECT_TRUE(find_year_mentions("第12024年").empty());
    EXPECT_TRUE(find_year_mentions("共1000年").empty());  // not a plausible year
    auto left_is_code = find_year_mentions("A2021-2024年");
    ASSERT_EQ(left_is_code.size(), 1u);
    EXPECT_EQ(left_is_code[0].year, 2024);
    EXPECT_TRUE(left_is_code[0].single());
}

TEST(YearText, TracksQuotesAcrossSeveralTitles) {
    auto mentions = find_year_mentions("《2022年办法》与2023年度相比，〔2021〕号，2020年");
    ASSERT_EQ(mentions.size(), 3u);  // 〔2021〕 has no 年
    EXPECT_TRUE(mentions[0].quoted);
    EXPECT_FALSE(mentions[1].quoted);
    EXPECT_FALSE(mentions[2].quoted);
    EXPECT_EQ(mentions[2].year, 2020);
}

TEST(YearText, AppendsToTheCallersVector) {
    std::vector<YearMention> out;
    append_year_mentions("2023年", out);
    append_year_mentions("至2024年", out);  // another text: not joined into a range
    ASSERT_EQ(out.size(), 2u);
    EXPECT_TRUE(out[0].single());
    EXPECT_TRUE(out[1].single());
}

TEST(ClauseText, ClauseStopsAtCommasAndSentenceAtFullStops) {
    const std::string_view text = "前文。甲2023年度乙，丙；丁。后文";
    const std::size_t year = text.find("2023");
    EXPECT_EQ(clause_around(text, year).of(text), "甲2023年度乙");
    EXPECT_EQ(sentence_around(text, year).of(text), "甲2023年度乙，丙；丁");
    EXPECT_EQ(clause_around("2023年,x", 0).of("2023年,x"), "2023年");
    EXPECT_EQ(sentence_around("无标点2023年", 9).of("无标点2023年"), "无标点2023年");
}

TEST(YearText, CountsCodePoints) {
    EXPECT_EQ(code_point_offset("年度2024", 6), 2u);
}

}  // namespace
}  // namespace fincheck::years
