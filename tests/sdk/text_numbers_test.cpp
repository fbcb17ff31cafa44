// Numbers as report prose prints them (fincheck/text/numbers.hpp).
#include <gtest/gtest.h>

#include <string>

#include "fincheck/text/numbers.hpp"

namespace fincheck::text {
namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

TEST(TextNumbers, FullWidthDigitsReadAsAscii) {
    const auto numbers = find_numbers("支出５９２．２９万元");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_EQ(numbers[0].value, dec("592.29"));
    EXPECT_EQ(numbers[0].decimals, 2);
    EXPECT_EQ(numbers[0].unit, AmountUnit::wan_yuan);
    EXPECT_EQ(numbers[0].begin, 2u);
    EXPECT_EQ(numbers[0].end, 8u);
    EXPECT_EQ(numbers[0].byte_begin, 6u);
    EXPECT_EQ(numbers[0].byte_end, 24u);
}

TEST(TextNumbers, ASpaceAfterThePointDoesNotSplitTheNumber) {
    const std::string text = "支出592. 29万元";
    const auto numbers = find_numbers(text);
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_EQ(numbers[0].value, dec("592.29"));
    EXPECT_EQ(text.substr(numbers[0].byte_begin, numbers[0].byte_end - numbers[0].byte_begin), "592. 29");
    EXPECT_EQ(numbers[0].begin, 2u);
    EXPECT_EQ(numbers[0].end, 9u);
}

TEST(TextNumbers, ASpaceBetweenDigitsMakesTwoNumbers) {
    const auto numbers = find_numbers("第2 3项");
    ASSERT_EQ(numbers.size(), 1u);  // 3 follows a digit: not a number of its own
    EXPECT_EQ(numbers[0].value, dec("2"));
    const auto decimals = find_numbers("1.2 3");
    ASSERT_EQ(decimals.size(), 1u);
    EXPECT_EQ(decimals[0].value, dec("1.2"));
}

TEST(TextNumbers, ThousandsSeparatorsAreDroppedOnlyBeforeThreeDigits) {
    auto numbers = find_numbers("合计2,940.05万元");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_EQ(numbers[0].value, dec("2940.05"));
    numbers = find_numbers("1,234,567元");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_EQ(numbers[0].value, dec("1234567"));
    EXPECT_EQ(numbers[0].unit, AmountUnit::yuan);
    numbers = find_numbers("分别为3,45");  // a list, not a separator
    ASSERT_EQ(numbers.size(), 2u);
    EXPECT_EQ(numbers[0].value, dec("3"));
    EXPECT_EQ(numbers[1].value, dec("45"));
}

TEST(TextNumbers, PercentWithAndWithoutASpace) {
    for (const char* text : {"占9.74%", "占9.74 %", "占９.７４％", "占9.74\u3000％"}) {
        const auto numbers = find_numbers(text);
        ASSERT_EQ(numbers.size(), 1u) << text;
        EXPECT_TRUE(numbers[0].percent) << text;
        EXPECT_EQ(numbers[0].value, dec("9.74")) << text;
        EXPECT_EQ(numbers[0].unit, AmountUnit::none) << text;
    }
    EXPECT_FALSE(find_numbers("下降7.14。")[0].percent);
}

TEST(TextNumbers, MixedUnitsInOneSentence) {
    const auto numbers = find_numbers("收入1.2亿元，支出3,000 万元，结余500元，共12人");
    ASSERT_EQ(numbers.size(), 4u);
    EXPECT_EQ(numbers[0].unit, AmountUnit::yi_yuan);
    EXPECT_EQ(numbers[1].unit, AmountUnit::wan_yuan);
    EXPECT_EQ(numbers[1].value, dec("3000"));
    EXPECT_EQ(numbers[2].unit, AmountUnit::yuan);
    EXPECT_EQ(numbers[3].unit, AmountUnit::none);
    EXPECT_EQ(to_string(numbers[0].unit), "亿元");
    EXPECT_EQ(to_string(numbers[3].unit), "");
}

TEST(TextNumbers, AMinusSignMakesANegativeNumberButARangeDoesNot) {
    auto numbers = find_numbers("增减-12.50万元");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_TRUE(numbers[0].negative);
    EXPECT_EQ(numbers[0].value, dec("-12.50"));
    EXPECT_EQ(numbers[0].begin, 2u);  // the span starts at the sign
    numbers = find_numbers("为－3元");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_EQ(numbers[0].value, dec("-3"));
    numbers = find_numbers("2021-2023年");
    ASSERT_EQ(numbers.size(), 2u);
    EXPECT_FALSE(numbers[1].negative);
    EXPECT_EQ(numbers[1].value, dec("2023"));
    // Brackets are not a sign in prose: 「（2023）」 is a year in brackets.
    numbers = find_numbers("（12.50）");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_FALSE(numbers[0].negative);
}

TEST(TextNumbers, DigitsAfterAPointBelongToTheNumberBefore) {
    const auto numbers = find_numbers("见3.1.2节");
    ASSERT_EQ(numbers.size(), 1u);
    EXPECT_EQ(numbers[0].value, dec("3.1"));
}

TEST(TextNumbers, ANumberBeyondDecimalsRangeIsPassedOver) {
    EXPECT_TRUE(find_numbers("编号123456789012345678901234567890").empty());
    EXPECT_TRUE(find_numbers("没有数字").empty());
    EXPECT_TRUE(find_numbers("").empty());
}

TEST(TextNumbers, ReadNumberIsWhatTheScannerReads) {
    const CompactText c = compact(std::string_view("2,946. 25万元"));
    const NumberDigits digits = read_number(c.view(), 0);
    EXPECT_EQ(digits.digits, "2946.25");
    EXPECT_EQ(digits.decimals, 2);
    EXPECT_EQ(c.text.substr(digits.end), U"万元");
}

}  // namespace
}  // namespace fincheck::text
