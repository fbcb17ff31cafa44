#include "comparison_text.hpp"

#include <array>

#include "year_text.hpp"

namespace fincheck::years {
namespace {

// Words that compare periods wherever they stand.
constexpr std::array<std::string_view, 12> kComparisonWords = {
    "相比", "对比", "比较", "同比", "环比", "对照", "变动", "增减", "上年", "上一年", "去年", "同期"};

// What may follow 比 / 与 / 较 to make them compare: another period or the budget.
constexpr std::array<std::string_view, 6> kPeriodWords = {"上年", "去年", "上一年", "同期", "年初", "预算"};

constexpr std::array<std::string_view, 7> kChangeWords = {"增加", "减少", "增长", "下降", "持平", "增幅", "降幅"};

bool contains(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

using text::digit_length_at;

// True when a year (「2023年」, 「2021-2023年」) starts at `pos`: four digits, then 年 or a range.
bool year_at(std::string_view text, std::size_t pos) {
    for (int i = 0; i < 4; ++i) {
        const std::size_t length = digit_length_at(text, pos);
        if (length == 0) return false;
        pos += length;
    }
    if (digit_length_at(text, pos) != 0) return false;
    pos = skip_spaces(text, pos);
    return starts_with_at(text, pos, "年") || starts_with_at(text, pos, "-") || starts_with_at(text, pos, "至") ||
           starts_with_at(text, pos, "～") || starts_with_at(text, pos, "－");
}

// True when a period (a year or a period word) starts at `pos`, spaces skipped.
bool period_at(std::string_view text, std::size_t pos) {
    pos = skip_spaces(text, pos);
    if (year_at(text, pos)) return true;
    for (std::string_view word : kPeriodWords)
        if (starts_with_at(text, pos, word)) return true;
    return false;
}

// True when some occurrence of `marker` in `text` is followed by a period.
bool marker_before_period(std::string_view text, std::string_view marker) {
    for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1))
        if (period_at(text, at + marker.size())) return true;
    return false;
}

// 较 compares unless it is the adverb 较为 (「较为明显」).
bool comparing_jiao(std::string_view text) {
    constexpr std::string_view kJiao = "较";
    for (std::size_t at = text.find(kJiao); at != std::string_view::npos; at = text.find(kJiao, at + 1))
        if (!starts_with_at(text, at + kJiao.size(), "为")) return true;
    return false;
}

}  // namespace

bool has_comparison_phrase(std::string_view text) {
    for (std::string_view word : kComparisonWords)
        if (contains(text, word)) return true;
    return comparing_jiao(text) || marker_before_period(text, "比") || marker_before_period(text, "与");
}

bool states_change(std::string_view text) {
    for (std::string_view word : kChangeWords)
        if (contains(text, word)) return true;
    return has_comparison_phrase(text);
}

}  // namespace fincheck::years
