// Normalizing numbers as printed in extracted report text: 「592. 29」, 「2,940.05」,
// full-width digits, 「9.74 %」. The raw text is always kept beside the value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fincheck/decimal.hpp"

namespace fincheck {

struct ParsedNumber {
    Decimal value;
    int decimals = 0;      // fractional digits as printed: 2 for 9.74, 0 for 403
    bool percent = false;  // a trailing % / ％ was present
};

// Maps full-width digits, point, comma, minus and percent to ASCII and drops spaces
// (ASCII, full-width, no-break) and thousands separators. Returns the compact ASCII text.
std::string normalize_number_text(std::string_view text);

// Parses a cell or a phrase that is entirely one number (after normalization), with an
// optional trailing %. Returns nullopt for anything else: blank, 「-」, text, two numbers.
std::optional<ParsedNumber> parse_number(std::string_view text);

// True when parse_number(text) is nullopt only because the number is beyond Decimal's range
// (±9223372036854.775807): the text is otherwise one number. Loaders report it as an error
// instead of taking the cell for words.
bool is_out_of_range_number(std::string_view text);

}  // namespace fincheck
