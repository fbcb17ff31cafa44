// The narrative rules' names for the text layer (fincheck/text/*.hpp), and the phrase
// normalisation the lexicon and the rules share. Decoding, whitespace, width folding and the
// compact view live in the layer; these names keep the rules reading as they did.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fincheck/text/chars.hpp"
#include "fincheck/text/compact.hpp"
#include "fincheck/text/decode.hpp"

namespace fincheck::narrative {

inline std::u32string to_u32(std::string_view utf8) { return text::decode(utf8); }
inline std::string to_utf8(std::u32string_view code_points) { return text::encode(code_points); }
using text::compact;
using text::CompactText;
using text::fold;
using text::next_code_point;
inline bool is_space(char32_t c) { return text::is_whitespace(c); }
inline bool is_digit(char32_t c) { return text::is_ascii_digit(c); }

// Normalizes a phrase for concept lookup: folded, no whitespace, no quotes, no 、, no
// （类）/（款）/（项） markers, and 「支出支出」 collapsed (「卫生健康支出（类）支出」).
std::u32string normalize_phrase(std::u32string_view phrase);

bool contains(std::u32string_view text, std::u32string_view word);
// True when `word` occurs in the UTF-8 `text` with blanks between its characters ignored
// (text::contains_spaced): field names and form cells are tested without decoding them.
inline bool contains_utf8(std::string_view haystack, std::string_view word) { return text::contains_spaced(haystack, word); }
bool ends_with(std::u32string_view text, std::u32string_view word);
bool starts_with(std::u32string_view text, std::u32string_view word);

}  // namespace fincheck::narrative
