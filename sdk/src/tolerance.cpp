#include "fincheck/tolerance.hpp"

#include <algorithm>

namespace fincheck {

bool percentage_consistent(Decimal stated, int stated_decimals, Decimal exact, Decimal slack) {
    Decimal low = exact.floored(stated_decimals);
    Decimal high = exact.ceiled(stated_decimals);
    return stated >= low - slack && stated <= high + slack;
}

bool percentage_consistent_with_inputs(Decimal stated, int stated_decimals, Decimal part,
                                       Decimal whole, const Tolerance& tolerance, Decimal slack) {
    Decimal h = tolerance.half_unit;
    Decimal part_low = part - h, part_high = part + h;
    Decimal whole_low = whole - h, whole_high = whole + h;
    if (whole_low <= Decimal{} || part_low < Decimal{}) {
        // Bases this small (or negative) make the interval reading meaningless: fall back
        // to the printed values.
        auto exact = Decimal::percent(part, whole);
        return exact && percentage_consistent(stated, stated_decimals, *exact, slack);
    }
    auto lowest = Decimal::percent(part_low, whole_high);
    auto highest = Decimal::percent(part_high, whole_low);
    if (!lowest || !highest) return false;
    Decimal low = std::min(*lowest, *highest).floored(stated_decimals);
    Decimal high = std::max(*lowest, *highest).ceiled(stated_decimals);
    return stated >= low - slack && stated <= high + slack;
}

}  // namespace fincheck
