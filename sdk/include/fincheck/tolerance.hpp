// Rounding conventions of published reports (docs/domain.md, 尾数误差).
//
// Every printed amount is rounded on its own to the table's precision, so it stands for an
// interval [v − h, v + h] with h half a unit of the last printed place. A total and its n
// parts are consistent when their intervals can meet: |T − Σ parts| ≤ h × (n + 1).
#pragma once

#include <cstddef>

#include "fincheck/decimal.hpp"

namespace fincheck {

struct Tolerance {
    // Half a unit of the last printed place: 0.005 for amounts printed to 0.01.
    Decimal half_unit = Decimal::from_units(5'000);
    // Extra absolute slack a rule pack or config may add on top of the interval reading.
    Decimal extra = Decimal{};

    // Allowed |T − Σ parts| for a total of `parts` rounded parts.
    Decimal for_sum(std::size_t parts) const {
        return half_unit * static_cast<std::int64_t>(parts + 1) + extra;
    }
    // Allowed |a − b| for two printings of the same figure.
    Decimal for_equality() const { return half_unit * 2 + extra; }

    bool sum_consistent(Decimal total, Decimal sum_of_parts, std::size_t parts) const {
        return (total - sum_of_parts).abs() <= for_sum(parts);
    }
    bool equal(Decimal a, Decimal b) const { return (a - b).abs() <= for_equality(); }
};

// A stated percentage is right when it equals either rounding (down or up) of the exact
// value at the precision it is printed with, or lies within `slack` of one of them (the
// 0.01-point nudge that makes a set of shares add to 100%).
bool percentage_consistent(Decimal stated, int stated_decimals, Decimal exact,
                           Decimal slack = Decimal::from_units(10'000));

// The exact percentage 100 × part / whole can only be known within the rounding of its
// inputs; this widens the check to every value the unrounded inputs could give.
bool percentage_consistent_with_inputs(Decimal stated, int stated_decimals, Decimal part,
                                       Decimal whole, const Tolerance& tolerance,
                                       Decimal slack = Decimal::from_units(10'000));

}  // namespace fincheck
