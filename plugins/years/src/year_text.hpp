// Finding year mentions (「2023年」, 「２０２３ 年度」) in report text, and the context that
// decides whether naming a year other than the fiscal year is legitimate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

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
};

// Every 「NNNN年」 whose four digits (ASCII or full-width, spaces allowed before 年) form a
// plausible year (1949–2100). Digits that belong to a longer number are not years.
std::vector<YearMention> find_year_mentions(std::string_view text);

// True when `text` mentions the fiscal year outside quoted document titles.
bool mentions_year(const std::vector<YearMention>& mentions, int year);

// True when `text` compares periods (「与…相比」, 「较上年」, 「比…增加」, 「同比」, 「对比」).
bool has_comparison_marker(std::string_view text);

// Code-point index of byte offset `byte` in UTF-8 `text` (for Location spans).
std::uint32_t code_point_offset(std::string_view text, std::size_t byte);

// Parses an ISO date 「2025-03-28」 (the model's form) into its year; nullopt otherwise.
std::optional<int> iso_date_year(std::string_view iso);

}  // namespace fincheck::years
