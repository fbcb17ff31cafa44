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
