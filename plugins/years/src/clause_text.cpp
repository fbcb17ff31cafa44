#include "clause_text.hpp"

#include <algorithm>

#include "fincheck/text/bytes.hpp"

namespace fincheck::years {
namespace {

constexpr std::u32string_view kSentenceBreaks = U"\n!?。！？";
constexpr std::u32string_view kClauseBreaks = U",;:，；：";

// Byte length of the break that ends at byte `end` (exclusive), 0 when none. One step back
// per candidate position instead of a search per break: the rules call this per other-year
// mention.
std::size_t break_ending_at(std::string_view text, std::size_t end, bool clauses) {
    std::size_t begin = 0;
    const char32_t c = text::code_point_before(text, end, begin);
    const bool is_break = kSentenceBreaks.find(c) != std::u32string_view::npos ||
                          (clauses && kClauseBreaks.find(c) != std::u32string_view::npos);
    return is_break ? end - begin : 0;
}

TextSpan span_between(std::string_view text, std::size_t pos, bool clauses) {
    pos = std::min(pos, text.size());
    TextSpan span{0, text.size()};
    for (std::size_t end = pos; end > 0; --end) {
        if (break_ending_at(text, end, clauses) != 0) {
            span.begin = end;
            break;
        }
    }
    for (std::size_t end = pos + 1; end <= text.size(); ++end) {
        if (const std::size_t length = break_ending_at(text, end, clauses); length != 0) {
            span.end = end - length;
            break;
        }
    }
    return span;
}

}  // namespace

TextSpan clause_around(std::string_view text, std::size_t pos) { return span_between(text, pos, true); }

TextSpan sentence_around(std::string_view text, std::size_t pos) { return span_between(text, pos, false); }

}  // namespace fincheck::years
