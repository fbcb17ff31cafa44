// The compact view of report text: whitespace dropped and characters folded to one form, so
// that words and numbers broken by the extraction (「592. 29」, 「支\n出决算为」, 「（一） 收入」)
// read as printed. Every compact character remembers where it stood in the original, so that
// a span found in the compact text is exact in the report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fincheck::text {

// A compact text as the readers below use it: the characters, and per character its
// code-point offset in the original and whether whitespace was dropped right before it
// (「2 3」 are two numbers, 「23」 one).
struct CompactView {
    std::u32string_view text;
    const std::uint32_t* offset = nullptr;
    const std::uint8_t* space_before = nullptr;
};

struct CompactText {
    std::u32string text;                     // whitespace (is_whitespace) dropped, folded (fold)
    std::vector<std::uint32_t> offset;       // code-point offset in the original, per character
    std::vector<std::uint8_t> space_before;  // 1: whitespace was dropped right before this character
    std::uint32_t original_length = 0;       // code points in the original

    CompactView view() const { return {text, offset.data(), space_before.data()}; }
};

CompactText compact(std::u32string_view original);
CompactText compact(std::string_view utf8);

// The key under which headings, names and contents entries compare: spaces (ASCII blanks,
// U+3000, U+00A0) dropped and full-width ASCII forms narrowed (narrow), so that
// 「（一） 收入」 and 「(一)收入」 have one key. Unlike compact(), nothing else is folded.
std::u32string compare_key(std::string_view utf8);
// The same into `out` (cleared first; its capacity is reused), reading only the characters
// that lie wholly within the first `max_bytes` bytes: a prefix cut inside a character drops
// that character instead of decoding its stray bytes.
void compare_key_into(std::string_view utf8, std::u32string& out, std::size_t max_bytes = std::string_view::npos);
// True when compare_key(text) equals the code points of `word`, compared in place.
bool compare_key_equals(std::string_view text, std::string_view word);
// True when `c` is one of the spaces compare_key drops.
constexpr bool is_key_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0;
}

// True when `word` (UTF-8, without blanks) occurs in `utf8` with blanks (ASCII space, tab,
// CR, LF, U+3000) between its characters ignored, as it would in the compact text: a cell or
// a field name is tested without decoding it. A blank never splits a character's bytes.
bool contains_spaced(std::string_view utf8, std::string_view word);

// True when `a` and `b` are equal once ASCII spaces, tabs and U+3000 are dropped from both:
// how table labels compare (extraction inserts and drops such spaces freely). Compared in
// place, without a copy: it runs for every row of every table.
bool equal_ignoring_spaces(std::string_view a, std::string_view b);

// `utf8` without its line spaces (chars.hpp, is_line_space) and tabs: a header cell wrapped
// inside the cell (「本年收 入合计」) reads as one word. Works on the bytes; no copy of the
// code points.
std::string remove_spaces(std::string_view utf8);

// `utf8` without line spaces (is_line_space) at either end. Tabs are kept: in extracted text
// they separate cells, and a line of tabs is an empty table row, not a blank line.
std::string_view trim(std::string_view utf8);
// `text` without ASCII blanks (space, tab, CR, LF) at either end: for the text of data files
// and fixtures, which are written by hand in ASCII layout.
std::string_view trim_ascii(std::string_view text);
// The items of a list written in one string with `separator` between them, each trimmed of
// ASCII blanks (trim_ascii), empty items dropped: 「a, b,,c」 → a, b, c. For lists in options,
// attributes and command lines.
std::vector<std::string_view> split_list(std::string_view text, char separator);
// The offset of the first byte at or after `pos` that is not a space between words (ASCII
// space, tab, U+3000, U+00A0), and backwards the offset just past the last such byte before
// `end`. Line breaks are not skipped: they end a clause.
std::size_t skip_spaces(std::string_view utf8, std::size_t pos);
std::size_t skip_spaces_back(std::string_view utf8, std::size_t end);

}  // namespace fincheck::text
