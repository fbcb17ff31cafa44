#include "repeated_punctuation_rule.hpp"

#include <string>

#include "fincheck/utf8.hpp"

namespace fincheck::consistency {
namespace {

constexpr std::string_view kRuleId = "structure-repeated-punctuation";

// Marks that end or split a clause; a run of exactly two of the same is a typing slip.
bool is_clause_mark(char32_t c) {
    switch (c) {
        case U'。': case U'，': case U'；': case U'：': case U'、':
        case U'！': case U'？':
            return true;
        default:
            return false;
    }
}

}  // namespace

RepeatedPunctuationRule::RepeatedPunctuationRule() {
    meta_.id = std::string(kRuleId);
    meta_.title_zh = "正文标点重复";
    meta_.title_en = "Punctuation mark typed twice";
    meta_.category = "structure";
    meta_.default_severity = Severity::warning;
    meta_.docs = "docs/rules/structure-repeated-punctuation.md";
    meta_.messages = {
        {"doubled",
         "正文中标点「{mark}」连续出现两次，可能有删改未完成的文字：…{context}…",
         "The mark '{mark}' appears twice in a row; text may have been deleted or pasted here: …{context}…"},
    };
}

void RepeatedPunctuationRule::check(const Report& report, const RuleContext&, FindingSink& sink) const {
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const std::string_view text = report.blocks[b].text;
        std::size_t pos = 0;
        std::uint32_t index = 0;  // code points before `pos`
        char32_t previous = 0;
        std::size_t previous_start = 0;
        std::uint32_t run = 0;
        auto report_run = [&](std::size_t run_end, std::uint32_t end_index) {
            // Exactly two: three or more of 。 is an ellipsis typed with full stops.
            if (run != 2) return;
            const std::size_t from = previous_start >= 24 ? previous_start - 24 : 0;
            std::size_t start = from;
            while (start < previous_start && utf8::is_continuation(text[start])) ++start;
            const std::string_view context = text.substr(start, run_end - start);
            std::string mark;
            utf8::append(mark, previous);
            sink.add(FindingBuilder(kRuleId, "doubled")
                         .at(Location::at_block(report, static_cast<int>(b), end_index - 2, end_index))
                         .arg("mark", mark)
                         .arg("context", context)
                         .expected(mark)
                         .actual(mark + mark)
                         .build());
        };
        while (pos < text.size()) {
            const std::size_t start = pos;
            const char32_t c = utf8::next_code_point(text, pos);
            if (c == previous && is_clause_mark(c)) {
                ++run;
            } else {
                report_run(start, index);
                run = is_clause_mark(c) ? 1 : 0;
                previous_start = start;
            }
            previous = c;
            ++index;
        }
        report_run(text.size(), index);
    }
}

}  // namespace fincheck::consistency
