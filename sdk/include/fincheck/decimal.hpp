// Exact decimal amounts: published figures are decimal strings, so every sum a rule
// computes must be exact. Binary floating point would turn 0.1 + 0.2 into a false finding.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fincheck {

// A fixed-point decimal with six fractional digits held in an int64. Six digits cover the
// 0.01 of 万元 amounts, the three-decimal amounts some narratives print (0.288万元) and the
// intermediate precision of recomputed percentages; the range (±9.2e12) covers any budget.
//
// The range is ±kMaxUnits units (±9223372036854.775807), symmetric so that negation and
// abs() never overflow. Every operation whose exact result would leave it throws
// std::overflow_error instead of wrapping: an amount no budget can have comes only from a
// damaged or hostile report, and a rule that throws is reported (internal-rule-error) rather
// than auditing with a wrapped figure. parse() returns nullopt for such text instead.
class Decimal {
public:
    static constexpr int kScaleDigits = 6;
    static constexpr std::int64_t kScale = 1'000'000;
    static constexpr std::int64_t kMaxUnits = INT64_MAX;

    constexpr Decimal() = default;

    static constexpr Decimal from_units(std::int64_t units) { return Decimal(checked(units)); }
    static constexpr Decimal from_int(std::int64_t whole) {
        std::int64_t units = 0;
        if (__builtin_mul_overflow(whole, kScale, &units)) out_of_range();
        return Decimal(checked(units));
    }

    // Parses a plain ASCII decimal ("-1234.5", "0.288", "12"): optional sign, digits,
    // optional point and digits. Anything else (separators, spaces, %) is the caller's
    // job to strip first; see normalize_number() in number_text.hpp. Digits beyond the sixth
    // decimal round half away from zero; nullopt also for an amount outside the range.
    static std::optional<Decimal> parse(std::string_view text);

    constexpr std::int64_t units() const { return units_; }
    constexpr bool is_zero() const { return units_ == 0; }

    // Renders with at least `min_decimals` fractional digits and without trailing zeros
    // beyond them: 403 -> "403.00", 0.288 -> "0.288".
    std::string to_string(int min_decimals = 2) const;

    // Rounds half away from zero to `decimals` fractional digits.
    Decimal rounded(int decimals) const;
    // Rounds toward negative / positive infinity to `decimals` fractional digits.
    Decimal floored(int decimals) const;
    Decimal ceiled(int decimals) const;

    constexpr Decimal abs() const { return Decimal(units_ < 0 ? -units_ : units_); }
    constexpr Decimal operator-() const { return Decimal(-units_); }
    constexpr Decimal& operator+=(Decimal other) { return *this = *this + other; }
    constexpr Decimal& operator-=(Decimal other) { return *this = *this - other; }
    friend constexpr Decimal operator+(Decimal a, Decimal b) {
        std::int64_t sum = 0;
        if (__builtin_add_overflow(a.units_, b.units_, &sum)) out_of_range();
        return Decimal(checked(sum));
    }
    friend constexpr Decimal operator-(Decimal a, Decimal b) {
        std::int64_t difference = 0;
        if (__builtin_sub_overflow(a.units_, b.units_, &difference)) out_of_range();
        return Decimal(checked(difference));
    }
    friend constexpr Decimal operator*(Decimal a, std::int64_t k) {
        std::int64_t product = 0;
        if (__builtin_mul_overflow(a.units_, k, &product)) out_of_range();
        return Decimal(checked(product));
    }
    friend constexpr auto operator<=>(Decimal, Decimal) = default;
    friend constexpr bool operator==(Decimal, Decimal) = default;

    // Throws the std::overflow_error of every operation whose result leaves the range.
    [[noreturn]] static void out_of_range() {
        throw std::overflow_error("金额超出可表示范围（±9223372036854.775807）/ amount beyond the range of Decimal "
                                  "(±9223372036854.775807)");
    }

    // Exact product and quotient, rounded half away from zero to six digits. ratio()
    // returns nullopt for a zero denominator instead of inventing a value.
    Decimal times(Decimal other) const;
    static std::optional<Decimal> ratio(Decimal numerator, Decimal denominator);
    // 100 × numerator / denominator: the exact value a stated percentage is compared with.
    static std::optional<Decimal> percent(Decimal numerator, Decimal denominator);

private:
    explicit constexpr Decimal(std::int64_t units) : units_(units) {}
    // INT64_MIN is the one int64 outside the range: it has no negation.
    static constexpr std::int64_t checked(std::int64_t units) {
        if (units < -kMaxUnits) out_of_range();
        return units;
    }
    std::int64_t units_ = 0;
};

}  // namespace fincheck
