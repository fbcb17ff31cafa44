#include <gtest/gtest.h>

#include "fincheck/decimal.hpp"
#include "fincheck/number_text.hpp"

using fincheck::Decimal;

TEST(Decimal, SumsPublishedAmountsExactly) {
    Decimal sum = *Decimal::parse("0.1") + *Decimal::parse("0.2");
    EXPECT_EQ(sum, *Decimal::parse("0.3"));
    EXPECT_EQ((*Decimal::parse("171.9") + *Decimal::parse("403") + *Decimal::parse("11.45")).to_string(), "586.35");
}

TEST(Decimal, RejectsTextThatIsNotOneNumber) {
    EXPECT_FALSE(Decimal::parse(""));
    EXPECT_FALSE(Decimal::parse("1.2.3"));
    EXPECT_FALSE(Decimal::parse("12a"));
    EXPECT_FALSE(Decimal::parse("-"));
}

TEST(Decimal, RendersWithTwoDecimalsAndNoFalsePrecision) {
    EXPECT_EQ(Decimal::from_int(403).to_string(), "403.00");
    EXPECT_EQ(Decimal::parse("0.288")->to_string(), "0.288");
    EXPECT_EQ(Decimal::parse("-5.9")->to_string(), "-5.90");
}

TEST(Decimal, RoundsHalfAwayFromZero) {
    EXPECT_EQ(Decimal::parse("2.345")->rounded(2).to_string(), "2.35");
    EXPECT_EQ(Decimal::parse("-2.345")->rounded(2).to_string(), "-2.35");
    EXPECT_EQ(Decimal::parse("2.344")->rounded(2).to_string(), "2.34");
    EXPECT_EQ(Decimal::parse("2.341")->ceiled(2).to_string(), "2.35");
    EXPECT_EQ(Decimal::parse("2.349")->floored(2).to_string(), "2.34");
}

TEST(Decimal, ComputesPercentagesAndRefusesZeroBase) {
    auto share = Decimal::percent(*Decimal::parse("153.53"), *Decimal::parse("592.29"));
    ASSERT_TRUE(share);
    EXPECT_EQ(share->rounded(2).to_string(), "25.92");
    EXPECT_FALSE(Decimal::percent(Decimal::from_int(1), Decimal{}));
}

TEST(NumberText, NormalizesExtractionQuirks) {
    EXPECT_EQ(fincheck::parse_number("592. 29")->value.to_string(), "592.29");
    EXPECT_EQ(fincheck::parse_number("2,940.05")->value.to_string(), "2940.05");
    EXPECT_EQ(fincheck::parse_number("１２３．４")->value.to_string(), "123.40");
    auto pct = fincheck::parse_number("9.74 %");
    ASSERT_TRUE(pct);
    EXPECT_TRUE(pct->percent);
    EXPECT_EQ(pct->decimals, 2);
    EXPECT_FALSE(fincheck::parse_number(""));
    EXPECT_FALSE(fincheck::parse_number("合计"));
    EXPECT_FALSE(fincheck::parse_number("—"));
}
