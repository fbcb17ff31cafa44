// Decimal at the ends of its range: every operation that would leave it throws
// std::overflow_error (a rule that throws becomes an internal-rule-error finding), never
// wraps and never reaches undefined behaviour (the suite runs under UBSan).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "fincheck/decimal.hpp"
#include "fincheck/number_text.hpp"

namespace {

using fincheck::Decimal;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
const Decimal kLargest = Decimal::from_units(kMax);
const Decimal kSmallest = Decimal::from_units(-kMax);
const Decimal kUnit = Decimal::from_units(1);

TEST(DecimalRange, TheLargestAmountsRenderAndNegateExactly) {
    EXPECT_EQ(kLargest.to_string(), "9223372036854.775807");
    EXPECT_EQ(kSmallest.to_string(), "-9223372036854.775807");
    EXPECT_EQ(-kLargest, kSmallest);
    EXPECT_EQ(kSmallest.abs(), kLargest);
    EXPECT_LT(kSmallest, kLargest);
    EXPECT_EQ(kLargest - kLargest, Decimal{});
    EXPECT_EQ(kSmallest + kLargest, Decimal{});
    // The one int64 without a negation is outside the range.
    EXPECT_THROW(Decimal::from_units(std::numeric_limits<std::int64_t>::min()), std::overflow_error);
}

TEST(DecimalRange, SumsAndDifferencesBeyondTheRangeThrow) {
    EXPECT_THROW(kLargest + kUnit, std::overflow_error);
    EXPECT_THROW(kSmallest - kUnit, std::overflow_error);
    EXPECT_THROW(kLargest - kSmallest, std::overflow_error);
    Decimal sum = kLargest;
    EXPECT_THROW(sum += kLargest, std::overflow_error);
    Decimal difference = kSmallest;
    EXPECT_THROW(difference -= kUnit, std::overflow_error);
    EXPECT_NO_THROW(kLargest - kUnit + kUnit);  // must still work right at the edge
}

TEST(DecimalRange, ProductsAndScalingBeyondTheRangeThrow) {
    EXPECT_THROW(kLargest * 2, std::overflow_error);
    EXPECT_THROW(kSmallest * std::numeric_limits<std::int64_t>::min(), std::overflow_error);
    EXPECT_EQ(kLargest * -1, kSmallest);
    EXPECT_THROW(Decimal::from_int(9'223'372'036'855), std::overflow_error);
    EXPECT_EQ(Decimal::from_int(9'223'372'036'854).to_string(), "9223372036854.00");
    EXPECT_THROW(Decimal::from_int(std::numeric_limits<std::int64_t>::min()), std::overflow_error);
    EXPECT_THROW(kLargest.times(Decimal::from_int(2)), std::overflow_error);
    EXPECT_EQ(kLargest.times(Decimal::from_int(1)), kLargest);
    EXPECT_THROW(Decimal::ratio(kLargest, Decimal::from_units(1)), std::overflow_error);
    EXPECT_THROW(Decimal::percent(kLargest, Decimal::from_int(1)), std::overflow_error);
    EXPECT_EQ(Decimal::ratio(kLargest, kLargest), Decimal::from_int(1));
}

TEST(DecimalRange, RoundingPastTheEndThrows) {
    EXPECT_THROW(kLargest.rounded(0), std::overflow_error);
    EXPECT_THROW(kLargest.ceiled(2), std::overflow_error);
    EXPECT_THROW(kSmallest.floored(0), std::overflow_error);
    EXPECT_EQ(kLargest.floored(0).to_string(), "9223372036854.00");
    EXPECT_EQ(kSmallest.ceiled(0).to_string(), "-9223372036854.00");
    EXPECT_EQ(kLargest.rounded(6), kLargest);
}

TEST(DecimalRange, ParseRefusesAmountsBeyondTheRangeAndKeepsTheEdges) {
    EXPECT_FALSE(Decimal::parse("99999999999999999999"));
    EXPECT_FALSE(Decimal::parse("-99999999999999999999.5"));
    EXPECT_FALSE(Decimal::parse("9223372036855"));
    EXPECT_EQ(Decimal::parse("9223372036854.775807"), kLargest);
    EXPECT_EQ(Decimal::parse("-9223372036854.775807"), kSmallest);
    EXPECT_FALSE(Decimal::parse("9223372036854.775808"));
    EXPECT_FALSE(Decimal::parse("9223372036854.7758075"));  // rounds up past the end
    EXPECT_EQ(Decimal::parse("9223372036854.7758065"), kLargest);
    EXPECT_EQ(Decimal::parse("000000000000000000000000001.5"), *Decimal::parse("1.5"));
    EXPECT_EQ(Decimal::parse("1." + std::string(400, '9')), Decimal::from_int(2));
    EXPECT_EQ(Decimal::parse("-0"), Decimal{});
    EXPECT_EQ(Decimal::parse("-0")->to_string(), "0.00");
    EXPECT_EQ(Decimal::parse("-0.0000004")->to_string(), "0.00");
    EXPECT_EQ(Decimal::parse("-0.0000005")->to_string(6), "-0.000001");
    EXPECT_FALSE(Decimal::parse("1e400"));  // no exponents
}

TEST(DecimalRange, ParseNumberTellsOutOfRangeFromNotANumber) {
    EXPECT_TRUE(fincheck::is_out_of_range_number("99999999999999999999"));
    EXPECT_TRUE(fincheck::is_out_of_range_number("-9,999,999,999,999,999.00"));
    EXPECT_TRUE(fincheck::is_out_of_range_number("１２３４５６７８９０１２３４５６７８９０"));
    EXPECT_TRUE(fincheck::is_out_of_range_number("99999999999999999999%"));
    EXPECT_FALSE(fincheck::is_out_of_range_number("592.29"));
    EXPECT_FALSE(fincheck::is_out_of_range_number("全面完成"));
    EXPECT_FALSE(fincheck::is_out_of_range_number("1.2.3"));
    EXPECT_FALSE(fincheck::is_out_of_range_number("-"));
    EXPECT_FALSE(fincheck::is_out_of_range_number(""));
}

}  // namespace
