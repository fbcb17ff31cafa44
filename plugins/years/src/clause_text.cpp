#include "clause_text.hpp"

#include <algorithm>

namespace fincheck::years {
namespace {

// Byte length of the break that ends at byte `end` (exclusive), 0 when none. One step per
// candidate byte instead of a search per break: the rules call this per other-year mention.
std::size_t break_ending_at(std::string_view text, std::size_t end, bool clauses) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char last = byte(end - 1);
    if (last == '\n' || last == '!' || last == '?') return 1;
    if (clauses && (last == ',' || last == ';' || last == ':')) return 1;
    if (end < 3) return 0;
    const unsigned char lead = byte(end - 3), mid = byte(end - 2);
    if (lead == 0xE3 && mid == 0x80 && last == 0x82) return 3;                   // 。
    if (lead != 0xEF || mid != 0xBC) return 0;
    if (last == 0x81 || last == 0x9F) return 3;                                  // ！ ？
    if (clauses && (last == 0x8C || last == 0x9B || last == 0x9A)) return 3;     // ， ； ：
    return 0;
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
