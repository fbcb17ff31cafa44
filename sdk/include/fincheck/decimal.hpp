// Exact decimal amounts: published figures are decimal strings, so every sum a rule
// computes must be exact. Binary floating point would turn 0.1 + 0.2 into a false finding.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fincheck {

// A fixed-point decimal with six fractional digits held in an int64. Six digits cover the
// 0.01 of 万元 amounts, the three-decimal amounts some narratives print (0.288万元) and the
// intermediate precision of recomputed percentages; the range (±9.2e12) covers any budget.
class Decimal {
public:
    static constexpr int kScaleDigits = 6;
    static constexpr std::int64_t kScale = 1'000'000;

    constexpr Decimal() = default;

    static constexpr Decimal from_units(std::int64_t units) { return Decimal(units); }
    static constexpr Decimal from_int(std::int64_t whole) { return Decimal(whole * kScale); }

    // Parses a plain ASCII decimal ("-1234.5", "0.288", "12"): optional sign, digits,
    // optional point and digits. Anything else (separators, spaces, %) is the caller's
    // job to strip first; see normalize_number() in number_text.hpp.
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
    constexpr Decimal& operator+=(Decimal other) { units_ += other.units_; return *this; }
    constexpr Decimal& operator-=(Decimal other) { units_ -= other.units_; return *this; }
    friend constexpr Decimal operator+(Decimal a, Decimal b) { return Decimal(a.units_ + b.units_); }
    friend constexpr Decimal operator-(Decimal a, Decimal b) { return Decimal(a.units_ - b.units_); }
    friend constexpr Decimal operator*(Decimal a, std::int64_t k) { return Decimal(a.units_ * k); }
    friend constexpr auto operator<=>(Decimal, Decimal) = default;
    friend constexpr bool operator==(Decimal, Decimal) = default;

    // Exact product and quotient, rounded half away from zero to six digits. ratio()
    // returns nullopt for a zero denominator instead of inventing a value.
    Decimal times(Decimal other) const;
    static std::optional<Decimal> ratio(Decimal numerator, Decimal denominator);
    // 100 × numerator / denominator: the exact value a stated percentage is compared with.
    static std::optional<Decimal> percent(Decimal numerator, Decimal denominator);

private:
    explicit constexpr Decimal(std::int64_t units) : units_(units) {}
    std::int64_t units_ = 0;
};

}  // namespace fincheck
