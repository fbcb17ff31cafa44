#include <gtest/gtest.h>

#include "fincheck/tolerance.hpp"

using fincheck::Decimal;
using fincheck::Tolerance;

namespace {
Decimal d(const char* text) { return *Decimal::parse(text); }
}  // namespace

TEST(Tolerance, AcceptsAPennyTailOnANinePartSum) {
    Tolerance t;
    EXPECT_TRUE(t.sum_consistent(d("100.00"), d("99.99"), 9));
    EXPECT_EQ(t.for_sum(9).to_string(), "0.05");
}

TEST(Tolerance, RejectsAMissingClassLine) {
    Tolerance t;
    EXPECT_FALSE(t.sum_consistent(d("592.29"), d("586.35"), 3));
}

TEST(Tolerance, RejectsATwoPennyGapOnATwoPartSum) {
    Tolerance t;
    EXPECT_FALSE(t.sum_consistent(d("11.45"), d("11.43"), 1));
    EXPECT_TRUE(t.sum_consistent(d("11.45"), d("11.44"), 1));
}

TEST(Percentage, AcceptsEitherRoundingOfTheExactValue) {
    // 171.90 / 592.29 = 29.0230...%
    EXPECT_TRUE(fincheck::percentage_consistent(d("29.02"), 2, d("29.023046")));
    EXPECT_TRUE(fincheck::percentage_consistent(d("29.03"), 2, d("29.023046")));
    EXPECT_FALSE(fincheck::percentage_consistent(d("29.05"), 2, d("29.023046")));
}

TEST(Percentage, WidensForRoundedInputs) {
    Tolerance t;
    EXPECT_TRUE(fincheck::percentage_consistent_with_inputs(d("25.92"), 2, d("153.53"), d("592.29"), t));
    EXPECT_FALSE(fincheck::percentage_consistent_with_inputs(d("71.73"), 2, d("2106.66"), d("2940.05"), t));
}
