#include "year_text.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "fincheck/utf8.hpp"

namespace fincheck::years {
namespace {

constexpr std::string_view kYearChar = "\u5E74";  // 年 = E5 B9 B4

bool plausible_year(int value) { return value >= 1949 && value <= 2100; }

unsigned char byte_at(std::string_view text, std::size_t pos) { return static_cast<unsigned char>(text[pos]); }

// The digit that ends just before byte `end` (ASCII or full-width ０–９) and its byte
// length, or -1.
int digit_before(std::string_view text, std::size_t end, std::size_t& length) {
    if (end == 0) return -1;
    const unsigned char last = byte_at(text, end - 1);
    if (last >= '0' && last <= '9') {
        length = 1;
        return last - '0';
    }
    if (end >= 3 && last >= 0x90 && last <= 0x99 && byte_at(text, end - 3) == 0xEF && byte_at(text, end - 2) == 0xBC) {
        length = 3;
        return last - 0x90;
    }
    return -1;
}

// A character that makes the digits after it part of a longer number or code.
bool preceded_by_number_char(std::string_view text, std::size_t pos) {
    std::size_t length = 0;
    if (digit_before(text, pos, length) >= 0) return true;
    if (pos == 0) return false;
    const unsigned char prev = byte_at(text, pos - 1);
    return prev == '.' || (prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z');
}

// Reads exactly four digits ending at byte `end`; returns the value and sets `begin`, or -1
// when there are fewer or when they belong to a longer number.
int read_year_digits_before(std::string_view text, std::size_t end, std::size_t& begin) {
    int value = 0;
    int scale = 1;
    std::size_t p = end;
    for (int i = 0; i < 4; ++i) {
        std::size_t length = 0;
        const int d = digit_before(text, p, length);
        if (d < 0) return -1;
        value += d * scale;
        scale *= 10;
        p -= length;
    }
    if (preceded_by_number_char(text, p)) return -1;
    begin = p;
    return value;
}

constexpr std::array<std::string_view, 8> kRangeSeparators = {
    "-", "\uFF0D", "\u2014", "\u2013", "~", "\uFF5E", "\u81F3" /*至*/, "\u5230" /*到*/};

std::size_t range_separator_length(std::string_view text, std::size_t pos) {
    for (std::string_view sep : kRangeSeparators)
        if (starts_with_at(text, pos, sep)) return sep.size();
    return 0;
}

std::size_t range_separator_length_before(std::string_view text, std::size_t end) {
    const std::string_view head = text.substr(0, end);
    for (std::string_view sep : kRangeSeparators)
        if (head.ends_with(sep)) return sep.size();
    return 0;
}

// Nesting of 《…》, 〈…〉 and 〔…〕 (all E3 80 xx), followed forwards through a text in step
// with the mentions; the scan jumps between E3 lead bytes.
class QuoteDepth {
public:
    explicit QuoteDepth(std::string_view text) : text_(text) {}

    int at(std::size_t pos) {
        while (scanned_ < pos) {
            const void* hit = std::memchr(text_.data() + scanned_, 0xE3, pos - scanned_);
            if (hit == nullptr) {
                scanned_ = pos;
                break;
            }
            const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data());
            scanned_ = at + 1;
            if (at + 2 >= text_.size() || byte_at(text_, at + 1) != 0x80) continue;
            const unsigned char third = byte_at(text_, at + 2);
            if (third == 0x8A || third == 0x88 || third == 0x94) ++depth_;                   // 《 〈 〔
            else if ((third == 0x8B || third == 0x89 || third == 0x95) && depth_ > 0) --depth_;  // 》 〉 〕
        }
        return depth_;
    }

private:
    std::string_view text_;
    std::size_t scanned_ = 0;
    int depth_ = 0;
};

}  // namespace

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        const unsigned char c = byte_at(text, pos);
        if (c == ' ' || c == '\t') ++pos;
        else if (c == 0xE3 && starts_with_at(text, pos, "\u3000")) pos += 3;
        else if (c == 0xC2 && starts_with_at(text, pos, "\u00A0")) pos += 2;
        else break;
    }
    return pos;
}

std::size_t skip_spaces_back(std::string_view text, std::size_t end) {
    while (end > 0) {
        const unsigned char last = byte_at(text, end - 1);
        if (last == ' ' || last == '\t') --end;
        else if (end >= 3 && last == 0x80 && byte_at(text, end - 3) == 0xE3 && byte_at(text, end - 2) == 0x80) end -= 3;
        else if (end >= 2 && last == 0xA0 && byte_at(text, end - 2) == 0xC2) end -= 2;
        else break;
    }
    return end;
}

bool preceded_by(std::string_view text, std::size_t pos, std::string_view word) {
    return text.substr(0, skip_spaces_back(text, std::min(pos, text.size()))).ends_with(word);
}

void append_year_mentions(std::string_view text, std::vector<YearMention>& out) {
    const std::size_t first_new = out.size();
    QuoteDepth quotes(text);
    std::size_t from = 0;
    while (from < text.size()) {
        // Jump to the next 年 by its last byte (B4), which is rare in Chinese text.
        const void* hit = std::memchr(text.data() + from, 0xB4, text.size() - from);
        if (hit == nullptr) break;
        const auto last = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        from = last + 1;
        if (last < 2 || byte_at(text, last - 2) != 0xE5 || byte_at(text, last - 1) != 0xB9) continue;
        const std::size_t year_char = last - 2;

        std::size_t begin = 0;
        const int value = read_year_digits_before(text, skip_spaces_back(text, year_char), begin);
        if (value < 0) continue;
        YearMention mention;
        mention.year = mention.range_low = mention.range_high = value;
        // 「2021-2024年」: the left end has no 年 of its own.
        const std::size_t before_sep = skip_spaces_back(text, begin);
        if (const std::size_t sep = range_separator_length_before(text, before_sep); sep > 0) {
            std::size_t left_begin = 0;
            const int left = read_year_digits_before(text, skip_spaces_back(text, before_sep - sep), left_begin);
            if (left >= 0) {
                if (!plausible_year(left)) continue;
                begin = left_begin;
                mention.year = mention.range_low = left;
            }
        }
        if (!plausible_year(value)) continue;
        if (!out.empty() && out.size() > first_new && begin < out.back().end) continue;
        mention.begin = begin;
        mention.end = year_char + kYearChar.size();
        mention.quoted = quotes.at(begin) > 0;
        // 「2021年至2024年」: two mentions joined by a separator form one range.
        if (out.size() > first_new) {
            YearMention& previous = out.back();
            const std::size_t gap = skip_spaces(text, previous.end);
            const std::size_t sep = range_separator_length(text, gap);
            if (sep > 0 && skip_spaces(text, gap + sep) == mention.begin) {
                previous.range_high = mention.year;
                mention.range_low = previous.year;
            }
        }
        out.push_back(mention);
    }
}

std::vector<YearMention> find_year_mentions(std::string_view text) {
    std::vector<YearMention> out;
    append_year_mentions(text, out);
    return out;
}

bool mentions_year(std::span<const YearMention> mentions, int year) {
    for (const YearMention& m : mentions)
        if (!m.quoted && year >= m.range_low && year <= m.range_high) return true;
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
