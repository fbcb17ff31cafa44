// What the structure rules read in text: ordinal numbers at the start of headings and list
// items, and the form in which headings compare and a similarity measure for headings that
// were reworded slightly. Decoding and the compare key (spaces and width variants away) are the
// text layer's (fincheck/text/*.hpp): a byte that does not start a complete sequence reads as
// U+FFFD (it neither vanishes nor fuses its neighbours), so malformed text is compared as what
// it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fincheck/text/bytes.hpp"
#include "fincheck/text/compact.hpp"
#include "fincheck/text/decode.hpp"

namespace fincheck::structure {

// `text` around the byte span [begin, end) for a message: up to 16 characters each side, with
// 「…」 where it was cut.
std::string excerpt(std::string_view text, std::size_t begin, std::size_t end);

// The structure rules' names for the text layer (fincheck/text/*.hpp).
inline std::u32string decode_utf8(std::string_view utf8) { return text::decode(utf8); }
inline std::string encode_utf8(std::u32string_view code_points) { return text::encode(code_points); }
// Spaces dropped and full-width ASCII forms narrowed (text::compare_key), so 「（一） 收入」 and
// 「(一)收入」 compare equal.
inline std::u32string compact(std::string_view utf8) { return text::compare_key(utf8); }
inline void compact_into(std::string_view utf8, std::u32string& out, std::size_t max_bytes = std::string_view::npos) {
    text::compare_key_into(utf8, out, max_bytes);
}
inline bool compact_equals(std::string_view utf8, std::string_view word) { return text::compare_key_equals(utf8, word); }
using text::code_point_offset;

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

// False when leading_ordinal(compact(text)) — or of any prefix of `text` — is surely nullopt:
// the first character compact() keeps cannot start an ordinal (第, a bracket, a Chinese
// numeral or a digit). Reads only that character, so most paragraphs are ruled out without
// being compacted.
bool may_start_ordinal(std::string_view text);

// Value of a Chinese numeral 一 … 九十九 (〇 and 两 not used for ordinals); 0 if not one.
int chinese_numeral(std::u32string_view text);
std::string chinese_numeral_text(int value);
std::string ordinal_text(OrdinalStyle style, int value);

// Longest-common-subsequence length over code points divided by the longer length: 1 for
// equal texts, near 0 for unrelated ones.
double similarity(std::u32string_view a, std::u32string_view b);
// similarity(a, b) >= threshold, with the same result, but without the quadratic LCS when the
// lengths alone rule it out (the LCS is at most the shorter length) or the texts are equal.
bool similar_at_least(std::u32string_view a, std::u32string_view b, double threshold);

// Heading text reduced for comparison: no spaces, punctuation, digits, 年/年度.
std::u32string comparable_heading(std::string_view text);
// The same from text already compact()ed.
std::u32string comparable_heading_of_compacted(std::u32string_view compacted);

// True when every code point of `needle` occurs in `haystack` in order (an abbreviation).
bool is_subsequence(std::u32string_view needle, std::u32string_view haystack);

}  // namespace fincheck::structure
