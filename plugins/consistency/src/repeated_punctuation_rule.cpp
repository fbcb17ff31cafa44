#include "repeated_punctuation_rule.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "fincheck/rule_meta.hpp"

#include "fincheck/utf8.hpp"

namespace fincheck::consistency {
namespace {

constexpr std::string_view kRuleId = "structure-repeated-punctuation";

// Marks that end or split a clause; a run of exactly two of the same is a typing slip. All
// are three bytes in UTF-8 and start with E3 (。、) or EF (，；：！？), bytes that CJK
// ideographs (E4–E9) never start with: the scan looks at those two lead bytes only.
bool is_clause_mark_at(std::string_view text, std::size_t pos) {
    if (text.size() - pos < 3) return false;
    const auto b1 = static_cast<unsigned char>(text[pos + 1]);
    const auto b2 = static_cast<unsigned char>(text[pos + 2]);
    if (static_cast<unsigned char>(text[pos]) == 0xE3) return b1 == 0x80 && (b2 == 0x82 || b2 == 0x81);  // 。、
    return b1 == 0xBC && (b2 == 0x8C || b2 == 0x9B || b2 == 0x9A || b2 == 0x81 || b2 == 0x9F);  // ，；：！？
}

// The next occurrence of one byte at or after a position, found with memchr and remembered:
// the scan asks for the nearer of two bytes again and again.
class LeadFinder {
public:
    LeadFinder(std::string_view text, char byte) : text_(text), byte_(byte) {}
    std::size_t next(std::size_t from) {
        if (found_ < from || !searched_) {
            const void* at = from < text_.size() ? std::memchr(text_.data() + from, byte_, text_.size() - from) : nullptr;
            found_ = at == nullptr ? text_.size() : static_cast<std::size_t>(static_cast<const char*>(at) - text_.data());
            searched_ = true;
        }
        return found_;
    }

private:
    std::string_view text_;
    char byte_;
    std::size_t found_ = 0;
    bool searched_ = false;
};

}  // namespace

RepeatedPunctuationRule::RepeatedPunctuationRule() {
    meta_ = RuleMetaBuilder(std::string(kRuleId), "structure")
                .title("正文标点重复",
                       "Punctuation mark typed twice")
                .severity(Severity::warning)
                .page_in("plugins/consistency")
                .messages({
                    {"doubled",
                     "正文中标点「{mark}」连续出现两次，可能有删改未完成的文字：…{context}…",
                     "The mark '{mark}' appears twice in a row; text may have been deleted or pasted here: …{context}…"},
                })
                .build();
}

void RepeatedPunctuationRule::check(const Report& report, const RuleContext&, FindingSink& sink) const {
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const std::string_view text = report.blocks[b].text;
        LeadFinder e3(text, '\xE3');
        LeadFinder ef(text, '\xEF');
        std::size_t pos = 0;
        while (pos < text.size()) {
            pos = std::min(e3.next(pos), ef.next(pos));
            if (pos >= text.size()) break;
            if (!is_clause_mark_at(text, pos)) {
                ++pos;
                continue;
            }
            const std::string_view mark = text.substr(pos, 3);
            // Compared byte by byte: a call to memcmp for three bytes cost more than the test,
            // and every comma and full stop of the report comes here.
            auto mark_at = [&](std::size_t at) {
                return text.size() - at >= 3 && text[at] == mark[0] && text[at + 1] == mark[1] && text[at + 2] == mark[2];
            };
            std::size_t run_end = pos + 3;
            while (mark_at(run_end)) run_end += 3;
            // Exactly two: three or more of 。 is an ellipsis typed with full stops.
            if (run_end - pos == 6) {
                const std::size_t from = pos >= 24 ? pos - 24 : 0;
                std::size_t start = from;
                while (start < pos && utf8::is_continuation(text[start])) ++start;
                const auto end_index = static_cast<std::uint32_t>(utf8::code_point_count(text.substr(0, run_end)));
                sink.add(FindingBuilder(kRuleId, "doubled")
                             .at(Location::at_block(report, static_cast<int>(b), end_index - 2, end_index))
                             .arg("mark", mark)
                             .arg("context", text.substr(start, run_end - start))
                             .expected(mark)
                             .actual(std::string(mark) + std::string(mark))
                             .build());
            }
            pos = run_end;
        }
    }
}

}  // namespace fincheck::consistency
