#include "rate_rounding.hpp"

#include <algorithm>

namespace fincheck::narrative {

RateRounding rate_rounding(Decimal stated, int decimals, Decimal part, Decimal whole, const Tolerance& tolerance) {
    Decimal h = tolerance.half_unit;
    Decimal part_low = std::max(part - h, Decimal{}), part_high = part + h;
    Decimal whole_low = whole - h, whole_high = whole + h;
    if (whole_low <= Decimal{}) whole_low = whole;  // a base this small: read it as printed
    auto lowest = Decimal::percent(part_low, whole_high);
    auto highest = Decimal::percent(part_high, whole_low);
    if (!lowest || !highest || stated < Decimal{}) return RateRounding::other;
    if (stated >= lowest->rounded(decimals) && stated <= highest->rounded(decimals)) return RateRounding::rounded;
    if (stated >= lowest->floored(decimals) && stated <= highest->floored(decimals)) return RateRounding::truncated;
    return RateRounding::other;
}

MessageSpec truncated_rate_message(std::string division_zh, std::string division_en) {
    return {"truncated",
            "所述比率{stated}是" + division_zh + "的结果截尾所得，按四舍五入应为{computed}",
            "The stated rate {stated} is " + division_en + " cut off instead of rounded; rounded it is {computed}"};
}

}  // namespace fincheck::narrative
