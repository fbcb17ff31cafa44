// UTF-8 <-> code points, and the compact view the scanner works on.
//
// Extracted report text has stray spaces and line breaks inside numbers and words
// (「592. 29」, 「支\n出决算为」). The scanner therefore matches words on a compact view that
// drops whitespace and folds full-width forms, while every compact character remembers its
// code-point offset in the original block so that spans stay exact.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fincheck::narrative {

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

// Decodes the code point at bytes[i] and moves i past it; structural decoding as in
// fincheck/utf8.hpp: a byte that starts no complete sequence becomes U+FFFD and is skipped
// alone. Inline for ASCII and three-byte sequences (Chinese text is almost all of them).
char32_t next_code_point_slow(const unsigned char* bytes, std::size_t n, std::size_t& i);
inline char32_t next_code_point(const unsigned char* bytes, std::size_t n, std::size_t& i) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    if ((lead & 0xF0) == 0xE0 && i + 2 < n && (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
        const auto cp = static_cast<char32_t>(((lead & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
        i += 3;
        return cp;
    }
    return next_code_point_slow(bytes, n, i);
}

// Inline: the scanner asks these of every character of every block.
inline bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0' ||
           c == U'\u2009' || c == U'\u202F';
}

inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Folds full-width digits and punctuation that matter to number and clause reading
// (０-９ ． ％ （ ） ： ， ；) to one form: ASCII digits, '.', '%', full-width brackets
// and full-width clause punctuation. ASCII ',' is kept: it may be a thousands separator.
inline char32_t fold(char32_t c) {
    if (c >= U'０' && c <= U'９') return U'0' + (c - U'０');
    if (c >= 0x80 && c != U'．' && c != U'％') return c;  // everything else folded is ASCII
    switch (c) {
        case U'．': return U'.';
        case U'％': return U'%';
        case U'(': return U'（';
        case U')': return U'）';
        case U':': return U'：';
        case U';': return U'；';
        case U'!': return U'！';
        case U'?': return U'？';
        default: return c;
    }
}

struct CompactText {
    std::u32string text;                // whitespace removed, folded
    std::vector<std::uint32_t> offset;  // code-point offset in the original, per character
    std::vector<std::uint8_t> space_before;  // 1: whitespace was dropped right before this character
    std::uint32_t original_length = 0;  // code points in the original
};

CompactText compact(std::u32string_view original);

// Normalizes a phrase for concept lookup: folded, no whitespace, no quotes, no 、, no
// （类）/（款）/（项） markers, and 「支出支出」 collapsed (「卫生健康支出（类）支出」).
std::u32string normalize_phrase(std::u32string_view phrase);

bool contains(std::u32string_view text, std::u32string_view word);
// True when `word` (UTF-8, no whitespace, nothing normalize_phrase would fold) occurs in the
// UTF-8 `text` with whitespace between its characters ignored, as it would in the normalized
// text: field names and form cells are tested without decoding them.
bool contains_utf8(std::string_view text, std::string_view word);
bool ends_with(std::u32string_view text, std::u32string_view word);
bool starts_with(std::u32string_view text, std::u32string_view word);

}  // namespace fincheck::narrative
