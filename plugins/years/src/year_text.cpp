#include "year_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "fincheck/utf8.hpp"

namespace fincheck::years {
namespace {

// The digit at `pos` (ASCII or full-width ０–９) and its byte length, or -1.
int digit_at(std::string_view text, std::size_t pos, std::size_t& length) {
    if (pos >= text.size()) return -1;
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c >= '0' && c <= '9') {
        length = 1;
        return c - '0';
    }
    if (c == 0xEF && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xBC) {
        const auto d = static_cast<unsigned char>(text[pos + 2]);
        if (d >= 0x90 && d <= 0x99) {
            length = 3;
            return d - 0x90;
        }
    }
    return -1;
}

bool starts_with_at(std::string_view text, std::size_t pos, std::string_view what) {
    return text.substr(pos, what.size()) == what;
}

// Skips ASCII spaces, ideographic spaces and no-break spaces.
std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        if (text[pos] == ' ' || text[pos] == '\t') ++pos;
        else if (starts_with_at(text, pos, "\u3000")) pos += 3;
        else if (starts_with_at(text, pos, "\u00A0")) pos += 2;
        else break;
    }
    return pos;
}

// Reads exactly four digits at `pos`; returns the value and sets `after`, or -1.
int read_year_digits(std::string_view text, std::size_t pos, std::size_t& after) {
    int value = 0;
    std::size_t p = pos;
    for (int i = 0; i < 4; ++i) {
        std::size_t len = 0;
        const int d = digit_at(text, p, len);
        if (d < 0) return -1;
        value = value * 10 + d;
        p += len;
    }
    std::size_t len = 0;
    if (digit_at(text, p, len) >= 0) return -1;  // a longer number
    after = p;
    return value;
}

bool preceded_by_number_char(std::string_view text, std::size_t pos) {
    if (pos == 0) return false;
    const auto prev = static_cast<unsigned char>(text[pos - 1]);
    if ((prev >= '0' && prev <= '9') || prev == '.' || (prev >= 'A' && prev <= 'Z') ||
        (prev >= 'a' && prev <= 'z'))
        return true;
    // Full-width digit before: its last byte is 0x90–0x99 after EF BC.
    if (pos >= 3 && static_cast<unsigned char>(text[pos - 3]) == 0xEF &&
        static_cast<unsigned char>(text[pos - 2]) == 0xBC && prev >= 0x90 && prev <= 0x99)
        return true;
    return false;
}

constexpr std::array<std::string_view, 8> kRangeSeparators = {
    "-", "\uFF0D", "\u2014", "\u2013", "~", "\uFF5E", "\u81F3" /*至*/, "\u5230" /*到*/};

std::size_t range_separator_length(std::string_view text, std::size_t pos) {
    for (std::string_view sep : kRangeSeparators)
        if (starts_with_at(text, pos, sep)) return sep.size();
    return 0;
}

constexpr std::string_view kYearChar = "\u5E74";  // 年

bool plausible_year(int value) { return value >= 1949 && value <= 2100; }

}  // namespace

std::vector<YearMention> find_year_mentions(std::string_view text) {
    std::vector<YearMention> out;
    int quote_depth = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (starts_with_at(text, pos, "\u300A") || starts_with_at(text, pos, "\u3008") ||
            starts_with_at(text, pos, "\u3014")) {
            ++quote_depth;
            pos += 3;
            continue;
        }
        if (starts_with_at(text, pos, "\u300B") || starts_with_at(text, pos, "\u3009") ||
            starts_with_at(text, pos, "\u3015")) {
            if (quote_depth > 0) --quote_depth;
            pos += 3;
            continue;
        }
        std::size_t len = 0;
        if (digit_at(text, pos, len) < 0 || preceded_by_number_char(text, pos)) {
            ++pos;
            continue;
        }
        std::size_t after = 0;
        const int value = read_year_digits(text, pos, after);
        if (value < 0) {
            // Skip the whole digit run so its tail is not read as a year.
            while (digit_at(text, pos, len) >= 0) pos += len;
            continue;
        }
        std::size_t cursor = skip_spaces(text, after);
        YearMention mention;
        mention.year = value;
        mention.begin = pos;
        mention.quoted = quote_depth > 0;
        mention.range_low = mention.range_high = value;
        if (starts_with_at(text, cursor, kYearChar)) {
            mention.end = cursor + kYearChar.size();
        } else if (const std::size_t sep = range_separator_length(text, cursor); sep > 0) {
            // 「2021-2024年」: the left end has no 年 of its own.
            std::size_t right_after = 0;
            const std::size_t right = skip_spaces(text, cursor + sep);
            const int right_value = read_year_digits(text, right, right_after);
            const std::size_t year_pos = skip_spaces(text, right_after);
            if (right_value < 0 || !starts_with_at(text, year_pos, kYearChar) ||
                !plausible_year(right_value)) {
                pos = after;
                continue;
            }
            mention.end = year_pos + kYearChar.size();
            mention.range_high = right_value;
        } else {
            pos = after;
            continue;
        }
        if (!plausible_year(value)) {
            pos = mention.end;
            continue;
        }
        // 「2021年至2024年」: two mentions joined by a separator form one range.
        if (!out.empty()) {
            YearMention& previous = out.back();
            const std::size_t gap = skip_spaces(text, previous.end);
            const std::size_t sep = range_separator_length(text, gap);
            if (sep > 0 && skip_spaces(text, gap + sep) == mention.begin) {
                previous.range_high = mention.year;
                mention.range_low = previous.year;
            }
        }
        out.push_back(mention);
        pos = mention.end;
    }
    return out;
}

bool mentions_year(const std::vector<YearMention>& mentions, int year) {
    for (const YearMention& m : mentions)
        if (!m.quoted && year >= m.range_low && year <= m.range_high) return true;
    return false;
}

bool has_comparison_marker(std::string_view text) {
    constexpr std::array<std::string_view, 9> kMarkers = {
        "\u4E0E" /*与*/,       "\u8F83" /*较*/,       "\u6BD4" /*比*/,
        "\u76F8\u6BD4" /*相比*/, "\u5BF9\u6BD4" /*对比*/, "\u540C\u6BD4" /*同比*/,
        "\u4E0A\u5E74" /*上年*/, "\u53D8\u52A8" /*变动*/, "\u5BF9\u7167" /*对照*/};
    for (std::string_view marker : kMarkers)
        if (text.find(marker) != std::string_view::npos) return true;
    return false;
}

std::uint32_t code_point_offset(std::string_view text, std::size_t byte) {
    return static_cast<std::uint32_t>(utf8::lead_byte_count(text.substr(0, std::min(byte, text.size()))));
}

std::optional<int> iso_date_year(std::string_view iso) {
    if (iso.size() < 4) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
        value = value * 10 + (iso[i] - '0');
    }
    if (iso.size() > 4 && iso[4] != '-') return std::nullopt;
    return value;
}

}  // namespace fincheck::years
