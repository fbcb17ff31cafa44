#include "clause_text.hpp"

#include <array>

namespace fincheck::years {
namespace {

constexpr std::array<std::string_view, 6> kSentenceBreaks = {"。", "！", "？", "!", "?", "\n"};
constexpr std::array<std::string_view, 12> kClauseBreaks = {"。", "！", "？", "!", "?", "\n",
                                                            "，", "；", "：", ",", ";", ":"};

template <std::size_t N>
TextSpan span_between(std::string_view text, std::size_t pos, const std::array<std::string_view, N>& breaks) {
    TextSpan span{0, text.size()};
    for (std::string_view br : breaks) {
        if (pos >= br.size()) {
            const std::size_t before = text.rfind(br, pos - br.size());
            if (before != std::string_view::npos && before + br.size() > span.begin) span.begin = before + br.size();
        }
        const std::size_t after = text.find(br, pos);
        if (after != std::string_view::npos && after < span.end) span.end = after;
    }
    if (span.begin > pos) span.begin = pos;
    return span;
}

}  // namespace

TextSpan clause_around(std::string_view text, std::size_t pos) { return span_between(text, pos, kClauseBreaks); }

TextSpan sentence_around(std::string_view text, std::size_t pos) { return span_between(text, pos, kSentenceBreaks); }

}  // namespace fincheck::years
