#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "fincheck/text/chars.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::structure {

std::string excerpt(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t from = begin;
    for (int n = 0; n < 16 && from > 0; ++n) {
        --from;
        while (from > 0 && utf8::is_continuation(text[from])) --from;
    }
    std::size_t to = end;
    for (int n = 0; n < 16 && to < text.size(); ++n) {
        ++to;
        while (to < text.size() && utf8::is_continuation(text[to])) ++to;
    }
    std::string out = from > 0 ? "…" : "";
    out += text.substr(from, to - from);
    if (to < text.size()) out += "…";
    return out;
}

namespace {

constexpr std::u32string_view kChineseDigits = U"零一二三四五六七八九";

bool is_chinese_numeral_char(char32_t c) {
    return c == U'十' || kChineseDigits.find(c) != std::u32string_view::npos;
}

using text::is_ascii_digit;

// Reads a run of Chinese numeral characters at `pos`; returns its length.
std::size_t chinese_run(std::u32string_view text, std::size_t pos) {
    std::size_t n = 0;
    while (pos + n < text.size() && is_chinese_numeral_char(text[pos + n])) ++n;
    return n;
}

bool is_punctuation(char32_t c) {
    // Nothing in the list lies between 】 (U+3011) and the full-width forms (U+FF00): the
    // ideographs, nearly every character of a heading, are answered without the search.
    if (c > U'】' && c < 0xFF00) return false;
    constexpr std::u32string_view kPunct = U".,:;!?()[]-、，。：；！？“”‘’\"'《》〈〉【】·…—";
    return kPunct.find(c) != std::u32string_view::npos;
}

}  // namespace

bool may_start_ordinal(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::next_code_point(text, pos);
        if (text::is_key_space(cp)) continue;
        const char32_t c = text::narrow(cp);
        return c == U'第' || c == U'(' || is_chinese_numeral_char(c) || is_ascii_digit(c);
    }
    return false;  // compacts to nothing
}

int chinese_numeral(std::u32string_view text) {
    if (text.empty() || text.size() > 3) return 0;
    auto digit = [](char32_t c) -> int {
        const auto at = kChineseDigits.find(c);
        return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
    };
    const auto ten = text.find(U'十');
    if (ten == std::u32string_view::npos) {
        if (text.size() != 1) return 0;
        const int d = digit(text[0]);
        return d > 0 ? d : 0;
    }
    int tens = 1;
    if (ten == 1) {
        tens = digit(text[0]);
        if (tens <= 1) return 0;  // 一十 is not how ordinals are printed
    } else if (ten != 0) {
        return 0;
    }
    int ones = 0;
    if (ten + 1 < text.size()) {
        if (ten + 2 != text.size()) return 0;
        ones = digit(text[ten + 1]);
        if (ones <= 0) return 0;
    }
    return tens * 10 + ones;
}

std::string chinese_numeral_text(int value) {
    if (value <= 0 || value >= 100) return std::to_string(value);
    static constexpr std::array<std::string_view, 10> kDigits = {"", "一", "二", "三", "四",
                                                                 "五", "六", "七", "八", "九"};
    const int tens = value / 10;
    const int ones = value % 10;
    std::string out;
    if (tens > 1) out += kDigits[static_cast<std::size_t>(tens)];
    if (tens > 0) out += "十";
    out += kDigits[static_cast<std::size_t>(ones)];
    return out;
}

std::string ordinal_text(OrdinalStyle style, int value) {
    switch (style) {
        case OrdinalStyle::part: return "第" + chinese_numeral_text(value) + "部分";
        case OrdinalStyle::chinese: return chinese_numeral_text(value) + "、";
        case OrdinalStyle::paren_chinese: return "（" + chinese_numeral_text(value) + "）";
        case OrdinalStyle::paren_arabic: return "（" + std::to_string(value) + "）";
        case OrdinalStyle::arabic: break;
    }
    return std::to_string(value) + ".";
}

std::optional<Ordinal> leading_ordinal(std::u32string_view t) {
    if (t.empty()) return std::nullopt;
    // 第一部分
    if (t[0] == U'第') {
        const std::size_t n = chinese_run(t, 1);
        if (n > 0 && t.substr(1 + n, 2) == U"部分") {
            const int v = chinese_numeral(t.substr(1, n));
            if (v > 0) return Ordinal{OrdinalStyle::part, v, 3 + n};
        }
        return std::nullopt;
    }
    // （一） (一) （1） (1)
    if (t[0] == U'(') {
        const std::size_t close = t.find(U')');
        if (close == std::u32string_view::npos || close < 2 || close > 4) return std::nullopt;
        const std::u32string_view inner = t.substr(1, close - 1);
        if (const int v = chinese_numeral(inner); v > 0)
            return Ordinal{OrdinalStyle::paren_chinese, v, close + 1};
        if (std::all_of(inner.begin(), inner.end(), is_ascii_digit) && inner.size() <= 2) {
            int v = 0;
            for (char32_t c : inner) v = v * 10 + static_cast<int>(c - U'0');
            if (v > 0) return Ordinal{OrdinalStyle::paren_arabic, v, close + 1};
        }
        return std::nullopt;
    }
    // 一、
    if (const std::size_t n = chinese_run(t, 0); n > 0) {
        if (n < t.size() && t[n] == U'、') {
            const int v = chinese_numeral(t.substr(0, n));
            if (v > 0) return Ordinal{OrdinalStyle::chinese, v, n + 1};
        }
        return std::nullopt;
    }
    // 1. 1、 (an amount 592.29 or a date 2024年 is not an ordinal)
    std::size_t n = 0;
    while (n < t.size() && is_ascii_digit(t[n])) ++n;
    if (n == 0 || n > 2 || n >= t.size()) return std::nullopt;
    if (t[n] != U'.' && t[n] != U'、' && t[n] != U'．') return std::nullopt;
    if (n + 1 < t.size()) {
        const char32_t next = t[n + 1];
        if (is_ascii_digit(next) || next == U'%') return std::nullopt;
    }
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + static_cast<int>(t[i] - U'0');
    if (v <= 0) return std::nullopt;
    return Ordinal{OrdinalStyle::arabic, v, n + 1};
}

double similarity(std::u32string_view a, std::u32string_view b) {
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    std::vector<std::size_t> prev(b.size() + 1, 0);
    std::vector<std::size_t> cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return static_cast<double>(prev[b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

bool similar_at_least(std::u32string_view a, std::u32string_view b, double threshold) {
    if (!a.empty() && !b.empty()) {
        const std::size_t longer = std::max(a.size(), b.size());
        // Division is monotonic, so LCS / longer <= shorter / longer: below the threshold
        // already, the LCS cannot reach it.
        if (static_cast<double>(std::min(a.size(), b.size())) / static_cast<double>(longer) < threshold) return false;
        if (a == b) return 1.0 >= threshold;  // LCS = the whole text
    }
    return similarity(a, b) >= threshold;
}

bool is_subsequence(std::u32string_view needle, std::u32string_view haystack) {
    std::size_t j = 0;
    for (char32_t c : haystack)
        if (j < needle.size() && needle[j] == c) ++j;
    return j == needle.size();
}

std::u32string comparable_heading(std::string_view text) { return comparable_heading_of_compacted(compact(text)); }

std::u32string comparable_heading_of_compacted(std::u32string_view cps) {
    std::u32string out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        if (c >= U'0' && c <= U'9') {
            // Drop a year with its 年 / 年度 so that only wording is compared.
            std::size_t j = i;
            while (j < cps.size() && cps[j] >= U'0' && cps[j] <= U'9') ++j;
            if (j < cps.size() && cps[j] == U'年') {
                ++j;
                if (j < cps.size() && cps[j] == U'度') ++j;
            }
            i = j - 1;
            continue;
        }
        if (is_punctuation(c)) continue;
        out.push_back(c);
    }
    return out;
}

}  // namespace fincheck::structure
