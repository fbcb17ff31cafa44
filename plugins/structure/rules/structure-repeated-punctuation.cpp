// structure-repeated-punctuation: a sentence mark typed twice (「。。」, 「，，」, 「；；」) in the
// prose. Such doubling is a sign of editing left unfinished — text deleted between two
// sentences, or a template sentence pasted after one that already ended — and an auditor wants
// to read the passage again. Ellipses (…… and 。。。 used as one) are not doubling.
#include <algorithm>
#include <string>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/text/bytes.hpp"
#include "fincheck/utf8.hpp"

#include "rule_data.hpp"

namespace fincheck::structure {

class RepeatedPunctuationRule final : public DeclaredRule {
public:
    RepeatedPunctuationRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "structure-repeated-punctuation";

// Marks that end or split a clause; a run of exactly two of the same is a typing slip. All
// are three bytes in UTF-8 and start with E3 (。、) or EF (，；：！？), bytes that CJK
// ideographs (E4–E9) never start with: the scan looks at those two lead bytes only.
constexpr std::u32string_view kClauseMarks = U"。、，；：！？";

// Byte length of the clause mark at `pos`, 0 when there is none.
std::size_t clause_mark_at(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    const char32_t c = utf8::next_code_point(text, end);
    return kClauseMarks.find(c) != std::u32string_view::npos ? end - pos : 0;
}

}  // namespace

RepeatedPunctuationRule::RepeatedPunctuationRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "structure")
          .title("正文标点重复",
                 "Punctuation mark typed twice")
          .severity(Severity::warning)
          .page_in("plugins/structure")
          .messages({
              {"doubled",
               "正文中标点「{mark}」连续出现两次，可能有删改未完成的文字：…{context}…",
               "The mark '{mark}' appears twice in a row; text may have been deleted or pasted here: …{context}…"},
          })
          .build()) {}

void RepeatedPunctuationRule::check(const Report& report, const RuleContext&, FindingSink& sink) const {
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const std::string_view text = report.blocks[b].text;
        text::ByteFinder e3(text, '\xE3');
        text::ByteFinder ef(text, '\xEF');
        std::size_t pos = 0;
        while (pos < text.size()) {
            pos = std::min(e3.next(pos), ef.next(pos));
            if (pos >= text.size()) break;
            const std::size_t mark_length = clause_mark_at(text, pos);
            if (mark_length == 0) {
                ++pos;
                continue;
            }
            const std::string_view mark = text.substr(pos, mark_length);
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

}  // namespace fincheck::structure

FINCHECK_RULE(structure_repeated_punctuation, fincheck::structure::RuleData) {
    return std::make_unique<fincheck::structure::RepeatedPunctuationRule>();
}
