// Small text helpers the structure rules share: UTF-8 decoding, compacting away spaces and
// width variants, ordinal numbers at the start of headings and list items, and a
// similarity measure for headings that were reworded slightly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fincheck::consistency {

// Decodes the code point at text[pos] and advances pos past it. Unlike fincheck/utf8.hpp it
// skips stray continuation bytes and stops (returns false) at a sequence truncated by the
// end of the text, which is what this plugin's matching has always relied on.
inline bool next_decoded(std::string_view text, std::size_t& pos, char32_t& cp) {
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        std::size_t extra = 0;
        if (c < 0x80) cp = c;
        else if ((c >> 5) == 0x6) { cp = c & 0x1F; extra = 1; }
        else if ((c >> 4) == 0xE) { cp = c & 0x0F; extra = 2; }
        else if ((c >> 3) == 0x1E) { cp = c & 0x07; extra = 3; }
        else { ++pos; continue; }  // stray continuation byte: skip
        if (pos + extra >= text.size()) return false;  // truncated sequence at the end
        for (std::size_t k = 1; k <= extra; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
        pos += extra + 1;
        return true;
    }
    return false;
}

std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// Drops whitespace (ASCII, ideographic, no-break) and maps full-width ASCII variants
// (（）：，．０-９Ａ-Ｚ) to ASCII, so 「（一） 收入」 and 「(一)收入」 compare equal.
std::u32string compact(std::string_view text);
std::string compact_utf8(std::string_view text);

// Code-point index of byte offset `byte` in `text`.
std::uint32_t code_point_offset(std::string_view text, std::size_t byte);

// The ordinal printed at the start of a heading, list item or contents entry.
enum class OrdinalStyle : std::uint8_t {
    part,           // 第一部分
    chinese,        // 一、
    paren_chinese,  // （一） or (一)
    arabic,         // 1. 1． 1、
    paren_arabic,   // （1） or (1)
};

struct Ordinal {
    OrdinalStyle style = OrdinalStyle::arabic;
    int value = 0;
    std::size_t length = 0;  // code points the ordinal occupies in the compacted text
};

// Parses the ordinal at the start of `compacted` (a compact() result); nullopt when the
// text does not start with one. An arabic number followed by a digit, 年, 月, 栏 or % is an
// amount or a date, not an ordinal.
std::optional<Ordinal> leading_ordinal(std::u32string_view compacted);

// Value of a Chinese numeral 一 … 九十九 (〇 and 两 not used for ordinals); 0 if not one.
int chinese_numeral(std::u32string_view text);
std::string chinese_numeral_text(int value);
std::string ordinal_text(OrdinalStyle style, int value);

// Longest-common-subsequence length over code points divided by the longer length: 1 for
// equal texts, near 0 for unrelated ones.
double similarity(std::u32string_view a, std::u32string_view b);

// True when every code point of `needle` occurs in `haystack` in order (an abbreviation).
bool is_subsequence(std::u32string_view needle, std::u32string_view haystack);

}  // namespace fincheck::consistency
