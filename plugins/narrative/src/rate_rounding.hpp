// How a printed rate relates to the exact one its inputs give: rounded (right), cut off at
// its printed decimals (truncated: a style slip, reported as info), or neither.
#pragma once

#include <string>

#include "fincheck/decimal.hpp"
#include "fincheck/rule.hpp"
#include "fincheck/tolerance.hpp"

namespace fincheck::narrative {

enum class RateRounding { rounded, truncated, other };

// 100 × part / whole is known only within the rounding of its inputs (tolerance.half_unit):
// `stated` is `rounded` when it is the half-up rounding, at its printed decimals, of some value
// in that interval; `truncated` when it is not, but is the same interval cut off instead
// (12.347% printed 12.34%); `other` otherwise (the rate rules then apply their own check).
RateRounding rate_rounding(Decimal stated, int decimals, Decimal part, Decimal whole, const Tolerance& tolerance);

// The info message (id "truncated") of a rate rule: {stated} and {computed} (the exact rate
// rounded to the stated decimals), with the rule's own words for the division.
MessageSpec truncated_rate_message(std::string division_zh, std::string division_en);

}  // namespace fincheck::narrative
