// Numbers as report prose prints them, read on the compact view (compact.hpp): full-width
// digits, 「592. 29」 (a space after the point), 「2,940.05」, 「9.74 %」, 「(12.50)」, with
// their units (元, 万元, 亿元) and their exact place in the original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/decimal.hpp"
#include "fincheck/text/compact.hpp"

namespace fincheck::text {

// The digits of one number, read from compact index `begin` (a digit) up to `end`.
struct NumberDigits {
    std::size_t end = 0;  // compact index just past the last character read
    std::string digits;   // ASCII digits with at most one '.', separators dropped: "2940.05"
    int decimals = 0;     // digits after the point as printed: 2 for 2,940.05
};

// Reads the number that starts at compact index `begin`: digits, ASCII ',' before each group
// of exactly three digits (a thousands separator), then '.' and the fraction. Whitespace that
// the compact view dropped ends the number between two digits (「2 3」 are two numbers) and
// inside the fraction, but not right after the point (「592. 29」 is one number).
NumberDigits read_number(const CompactView& view, std::size_t begin);

enum class AmountUnit : std::uint8_t { none, yuan, wan_yuan, yi_yuan };  // 元, 万元, 亿元

std::string_view to_string(AmountUnit unit);

// A number of a text, where it stands and what follows it.
struct TextNumber {
    Decimal value;             // as printed, sign included; the unit is not applied
    int decimals = 0;          // digits after the point as printed
    bool negative = false;     // a minus sign before it (-, －, −) or brackets around it: (12.50)
    bool percent = false;      // followed by % or ％, spaces allowed between
    AmountUnit unit = AmountUnit::none;  // followed by 元 / 万元 / 亿元 (spaces allowed between)
    // The span of the number in the original text, from its sign or opening bracket to its
    // last digit (or closing bracket): code-point offsets, and byte offsets when the text
    // was given as UTF-8 (0 otherwise).
    std::uint32_t begin = 0, end = 0;
    std::size_t byte_begin = 0, byte_end = 0;
};

// Every number of `utf8` in reading order. A number that follows a digit, a point or an ASCII
// letter belongs to something else (a code, 「A2」) and is passed over; so is one too large
// for Decimal (its digits are not a figure a report states).
std::vector<TextNumber> find_numbers(std::string_view utf8);
// The same on a compact view of some text (no byte offsets).
std::vector<TextNumber> find_numbers(const CompactView& view);

}  // namespace fincheck::text
