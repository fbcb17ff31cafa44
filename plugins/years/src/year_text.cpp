#include "year_text.hpp"

#include <algorithm>
#include <array>

#include "fincheck/text/bytes.hpp"
#include "fincheck/text/compact.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::years {
namespace {

constexpr std::string_view kYearChar = "\u5E74";  // 年 = E5 B9 B4

bool plausible_year(int value) { return value >= 1949 && value <= 2100; }

unsigned char byte_at(std::string_view text, std::size_t pos) { return static_cast<unsigned char>(text[pos]); }

using text::digit_before;

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
    explicit QuoteDepth(std::string_view text) : text_(text), leads_(text, '\xE3') {}

    int at(std::size_t pos) {
        while (scanned_ < pos) {
            const std::size_t at = leads_.next(scanned_);
            if (at >= pos) {
                scanned_ = pos;
                break;
            }
            scanned_ = at + 1;
            std::size_t end = at;
            const char32_t c = utf8::next_code_point(text_, end);
            if (kOpenQuotes.find(c) != std::u32string_view::npos) ++depth_;
            else if (kCloseQuotes.find(c) != std::u32string_view::npos && depth_ > 0) --depth_;
        }
        return depth_;
    }

private:
    static constexpr std::u32string_view kOpenQuotes = U"《〈〔";
    static constexpr std::u32string_view kCloseQuotes = U"》〉〕";
    std::string_view text_;
    text::ByteFinder leads_;
    std::size_t scanned_ = 0;
    int depth_ = 0;
};

}  // namespace

bool preceded_by(std::string_view text, std::size_t pos, std::string_view word) {
    return text.substr(0, skip_spaces_back(text, std::min(pos, text.size()))).ends_with(word);
}

void append_year_mentions(std::string_view text, std::vector<YearMention>& out) {
    const std::size_t first_new = out.size();
    QuoteDepth quotes(text);
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t year_char = text::find_char3(text, from, U'年');
        if (year_char == std::string_view::npos) break;
        from = year_char + kYearChar.size();

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
