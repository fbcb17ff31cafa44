// The clause and the sentence around a position in prose: the years rules decide whether a
// year is legitimate from the words next to it, never across a sentence boundary.
#pragma once

#include <cstddef>
#include <string_view>

namespace fincheck::years {

struct TextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
};

// From the previous to the next clause break (，。；：！？ and their ASCII forms, line breaks).
TextSpan clause_around(std::string_view text, std::size_t pos);

// From the previous to the next sentence break (。！？ and their ASCII forms, line breaks).
TextSpan sentence_around(std::string_view text, std::size_t pos);

}  // namespace fincheck::years
