#include "fincheck/decimal.hpp"

#include <array>

namespace fincheck {
namespace {

// __extension__ keeps -Wpedantic quiet: the 128-bit intermediate is what makes products exact.
__extension__ typedef __int128 Wide;

constexpr std::array<std::int64_t, 7> kPow10 = {1, 10, 100, 1'000, 10'000, 100'000, 1'000'000};

// Divides rounding half away from zero; the only rounding mode reports use. The operands
// come from int64 values, so neither negation nor the doubled remainder overflows a Wide.
Wide divide_round_half_away(Wide numerator, Wide denominator) {
    bool negative = (numerator < 0) != (denominator < 0);
    if (numerator < 0) numerator = -numerator;
    if (denominator < 0) denominator = -denominator;
    Wide quotient = numerator / denominator;
    if ((numerator % denominator) * 2 >= denominator) ++quotient;
    return negative ? -quotient : quotient;
}

// A wide intermediate result as units, or the overflow every operation reports the same way.
std::int64_t narrow(Wide units) {
    if (units > Decimal::kMaxUnits || units < -Decimal::kMaxUnits) Decimal::out_of_range();
    return static_cast<std::int64_t>(units);
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::size_t pos = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        pos = 1;
    }
    constexpr std::int64_t kMaxWhole = kMaxUnits / kScale;
    std::int64_t whole = 0;
    std::int64_t fraction = 0;
    int fraction_digits = 0;
    bool any_digit = false;
    bool seen_point = false;
    bool round_up = false;
    for (; pos < text.size(); ++pos) {
        char c = text[pos];
        if (c == '.') {
            if (seen_point) return std::nullopt;
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        any_digit = true;
        int digit = c - '0';
        if (!seen_point) {
            whole = whole * 10 + digit;  // at most kMaxWhole * 10 + 9: far inside int64
            if (whole > kMaxWhole) return std::nullopt;  // out of range
        } else if (fraction_digits < kScaleDigits) {
            fraction = fraction * 10 + digit;
            ++fraction_digits;
        } else if (fraction_digits == kScaleDigits) {
            round_up = digit >= 5;  // the first dropped digit decides
            ++fraction_digits;
        }
    }
    if (!any_digit) return std::nullopt;
    int kept = fraction_digits > kScaleDigits ? kScaleDigits : fraction_digits;
    Wide units = static_cast<Wide>(whole) * kScale + fraction * kPow10[static_cast<std::size_t>(kScaleDigits - kept)];
    if (round_up) ++units;
    if (units > kMaxUnits) return std::nullopt;
    return Decimal(static_cast<std::int64_t>(negative ? -units : units));
}

std::string Decimal::to_string(int min_decimals) const {
    if (min_decimals < 0) min_decimals = 0;
    if (min_decimals > kScaleDigits) min_decimals = kScaleDigits;
    std::int64_t magnitude = units_ < 0 ? -units_ : units_;
    std::int64_t whole = magnitude / kScale;
    std::int64_t fraction = magnitude % kScale;
    std::string out;
    if (units_ < 0) out.push_back('-');
    out += std::to_string(whole);
    std::string digits(kScaleDigits, '0');
    for (int i = kScaleDigits - 1; i >= 0; --i) {
        digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + fraction % 10);
        fraction /= 10;
    }
    std::size_t keep = digits.size();
    while (keep > static_cast<std::size_t>(min_decimals) && digits[keep - 1] == '0') --keep;
    if (keep > 0) {
        out.push_back('.');
        out.append(digits, 0, keep);
    }
    return out;
}

Decimal Decimal::rounded(int decimals) const {
    if (decimals >= kScaleDigits) return *this;
    std::int64_t step = kPow10[static_cast<std::size_t>(kScaleDigits - (decimals < 0 ? 0 : decimals))];
    return Decimal(narrow(divide_round_half_away(units_, step) * step));
}

Decimal Decimal::floored(int decimals) const {
    if (decimals >= kScaleDigits) return *this;
    std::int64_t step = kPow10[static_cast<std::size_t>(kScaleDigits - (decimals < 0 ? 0 : decimals))];
    Wide q = units_ / step;
    if (units_ % step != 0 && units_ < 0) --q;
    return Decimal(narrow(q * step));
}

Decimal Decimal::ceiled(int decimals) const {
    if (decimals >= kScaleDigits) return *this;
    std::int64_t step = kPow10[static_cast<std::size_t>(kScaleDigits - (decimals < 0 ? 0 : decimals))];
    Wide q = units_ / step;
    if (units_ % step != 0 && units_ > 0) ++q;
    return Decimal(narrow(q * step));
}

Decimal Decimal::times(Decimal other) const {
    Wide product = static_cast<Wide>(units_) * other.units_;
    return Decimal(narrow(divide_round_half_away(product, kScale)));
}

std::optional<Decimal> Decimal::ratio(Decimal numerator, Decimal denominator) {
    if (denominator.units_ == 0) return std::nullopt;
    Wide scaled = static_cast<Wide>(numerator.units_) * kScale;
    return Decimal(narrow(divide_round_half_away(scaled, denominator.units_)));
}

std::optional<Decimal> Decimal::percent(Decimal numerator, Decimal denominator) {
    if (denominator.units_ == 0) return std::nullopt;
    // |units| < 2^63, times 10^8 < 2^90: exact in 128 bits.
    Wide scaled = static_cast<Wide>(numerator.units_) * kScale * 100;
    return Decimal(narrow(divide_round_half_away(scaled, denominator.units_)));
}

}  // namespace fincheck
