#include "placeholder_marks.hpp"

#include "fincheck/utf8.hpp"

namespace fincheck::structure {
namespace {

bool is_latin(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_numeral_context(char32_t c) {
    return std::u32string_view(U"零一二三四五六七八九十百千年月日").find(c) != std::u32string_view::npos;
}

}  // namespace

bool MarkRuns::placeholder(char32_t after) const {
    if (length_ < 2) return false;
    // 「××」 between digits is a multiplication, 「X」 inside a Latin word is a letter.
    if (kind_ == MarkKind::x)
        return !is_latin(before_) && !is_latin(after) && !is_digit(before_) && !is_digit(after);
    return !is_numeral_context(before_) && !is_numeral_context(after);
}

std::vector<Span> find_placeholder_marks(std::string_view text) {
    std::vector<Span> spans;
    MarkRuns runs;
    auto found = [&](Span span) { spans.push_back(span); };
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t begin = pos;
        const char32_t cp = utf8::next_code_point(text, pos);
        runs.step(cp, begin, pos, found);
    }
    runs.finish(found);
    return spans;
}

}  // namespace fincheck::structure
