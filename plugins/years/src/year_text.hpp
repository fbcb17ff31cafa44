// Finding year mentions (「2023年」, 「２０２３ 年度」) in report text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "fincheck/text/bytes.hpp"
#include "fincheck/text/compact.hpp"

namespace fincheck::years {

struct YearMention {
    int year = 0;
    std::size_t begin = 0;  // byte offset of the first digit
    std::size_t end = 0;    // byte offset just past 「年」
    bool quoted = false;    // inside 《…》, 〈…〉 or 〔…〕: a cited document title or number
    // A range 「2021-2024年」 or 「2021年至2024年」 covers range_low..range_high; a single
    // year has both equal to `year`.
    int range_low = 0;
    int range_high = 0;

    bool single() const { return range_low == range_high; }
};

// Appends every 「NNNN年」 of `text` whose four digits (ASCII or full-width, spaces allowed
// before 年) form a plausible year (1949–2100). Digits that belong to a longer number are
// not years. The scan jumps from 年 to 年 (memchr), so text without years costs next to
// nothing and nothing is allocated unless a year is found.
void append_year_mentions(std::string_view text, std::vector<YearMention>& out);

// The same, as a fresh vector (tests and one-off texts).
std::vector<YearMention> find_year_mentions(std::string_view text);

// True when one of `mentions` names `year` (alone or inside a range) outside quoted titles.
bool mentions_year(std::span<const YearMention> mentions, int year);

// Code-point index of a byte offset (for Location spans): the text layer's.
using text::code_point_offset;

// Parses an ISO date 「2025-03-28」 (the model's form) into its year; nullopt otherwise.
std::optional<int> iso_date_year(std::string_view iso);

// Skips ASCII spaces, tabs, ideographic spaces and no-break spaces from `pos` on, and
// backwards from `end`: the text layer's.
using text::skip_spaces;
using text::skip_spaces_back;

// True when `word` ends right before `pos`, spaces between allowed.
bool preceded_by(std::string_view text, std::size_t pos, std::string_view word);

// True when `text` holds `word` at byte `pos`.
inline bool starts_with_at(std::string_view text, std::size_t pos, std::string_view word) {
    return pos <= text.size() && text.size() - pos >= word.size() && text.compare(pos, word.size(), word) == 0;
}

}  // namespace fincheck::years
