// What a character of report text is: the one place that says which characters are spaces,
// digits, full-width forms and CJK, and how a character is normalised. Header-only and
// constexpr: rules and the importer ask these of every character.
//
// Extracted report text mixes widths and spaces freely (「（一） 收入」 and 「(一)收入」,
// 「５９２．２９」, an ideographic space between two words). Which spaces count depends on
// the reader's purpose, so each set has a name that says it:
//  - is_line_space: the spaces that can stand inside one line of text. Tab is not one: the
//    importer reads it as a cell separator.
//  - is_whitespace: every blank the compact view (compact.hpp) drops: line spaces, tab and
//    line breaks (a paragraph's soft breaks are line breaks of the extraction).
#pragma once

namespace fincheck::text {

constexpr bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
// ０-９ (U+FF10–U+FF19).
constexpr bool is_fullwidth_digit(char32_t c) { return c >= U'０' && c <= U'９'; }

// ASCII space, ideographic space U+3000, no-break U+00A0, thin U+2009, narrow no-break U+202F.
constexpr bool is_line_space(char32_t c) {
    return c == U' ' || c == U'\u3000' || c == U'\u00A0' || c == U'\u2009' || c == U'\u202F';
}

// A line space, tab, line feed or carriage return.
constexpr bool is_whitespace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0' ||
           c == U'\u2009' || c == U'\u202F';
}

// The ASCII character of a full-width form (！ … ～, U+FF01–U+FF5E): （ → (, ０ → 0, Ａ → A.
// Anything else is returned unchanged.
constexpr char32_t narrow(char32_t c) { return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c; }

// The one form in which the compact view holds the characters that matter to reading numbers
// and clauses: digits and the point and percent sign as ASCII (０-９ ． ％ → 0-9 . %), brackets
// and clause punctuation full-width (( ) : ; ! ? → （ ） ： ； ！ ？), as Chinese text prints them.
// ASCII ',' is kept: it may be a thousands separator. Everything else is returned unchanged.
constexpr char32_t fold(char32_t c) {
    if (is_fullwidth_digit(c)) return U'0' + (c - U'０');
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

// CJK unified ideographs (basic block, extension A, and the supplementary planes' B onward).
constexpr bool is_cjk_ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// An ideograph, CJK punctuation (U+3000–U+303F), a full-width form (U+FF00–U+FFEF), or the
// curly quotes, ellipsis and dash Chinese text sets between ideographs.
constexpr bool is_cjk(char32_t c) {
    return is_cjk_ideograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == U'“' ||
           c == U'”' || c == U'‘' || c == U'’' || c == U'…' || c == U'—';
}

}  // namespace fincheck::text
