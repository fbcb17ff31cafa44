// narrative-percent-sign: a share, change or completion rate printed without 「%」 (「占本年支出的
// 97.66，」, 「下降7.14。」): the reader cannot tell a rate from an amount, and the text states a
// figure the tables cannot confirm. Only numbers with a decimal point right after a rate word
// and right before a clause mark are read, so counts, amounts with units and years never are.
#include <array>
#include <string_view>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "fincheck/utf8.hpp"
#include "narrative_rule.hpp"
#include "support.hpp"

namespace fincheck::narrative {
namespace {

// Words a rate follows (「占…的」 ends in 的 or 比; 完成…预算的). Between the word and the number
// only a few characters that are neither digits nor clause marks may stand.
constexpr std::array<std::string_view, 11> kRateWords = {"占", "增长", "下降", "完成", "执行率", "比重",
                                                          "上升", "降低", "提高", "增幅", "降幅"};
constexpr std::size_t kMaxGap = 12;  // characters between the word and the number
constexpr std::array<std::string_view, 7> kClauseEnds = {"，", "。", "；", "、", ",", ";", "）"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_clause_mark(std::string_view text, std::size_t at) {
    if (at >= text.size()) return true;  // the end of the paragraph
    for (std::string_view mark : kClauseEnds)
        if (text.substr(at).starts_with(mark)) return true;
    return false;
}

struct Number {
    std::size_t begin = 0, end = 0;
};

// The first decimal number within kMaxGap characters after `from`, with no digit, clause mark
// or 「%」 before it; none when the gap holds one.
std::optional<Number> number_after(std::string_view text, std::size_t from) {
    std::size_t pos = from;
    for (std::size_t chars = 0; chars <= kMaxGap && pos < text.size(); ++chars) {
        if (is_digit(text[pos])) {
            Number n{pos, pos};
            while (n.end < text.size() && is_digit(text[n.end])) ++n.end;
            if (n.end + 1 >= text.size() || text[n.end] != '.' || !is_digit(text[n.end + 1])) return std::nullopt;
            ++n.end;
            while (n.end < text.size() && is_digit(text[n.end])) ++n.end;
            return n;
        }
        if (is_clause_mark(text, pos) || text.substr(pos).starts_with("%") || text.substr(pos).starts_with("％"))
            return std::nullopt;
        std::size_t next = pos;
        utf8::next_code_point(text, next);
        pos = next;
    }
    return std::nullopt;
}

class PercentSign final : public NarrativeRule {
public:
    explicit PercentSign(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-percent-sign")
                            .title("比率未标注百分号",
                                "Rate printed without a percent sign")
                            // The figure may be right; the statement is ambiguous as printed.
                            .severity(Severity::warning)
                            .message("mismatch",
                                "「{word}」之后的比率{number}未标注「%」，无法判断是比率还是金额",
                                "The rate {number} after \"{word}\" has no percent sign: a reader cannot tell a "
                                "rate from an amount")
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& /*context*/, FindingSink& sink) const override {
        const Report& report = *analysis.report;
        for (std::size_t b = 0; b < report.blocks.size(); ++b) {
            const std::string_view text = report.blocks[b].text;
            std::size_t searched = 0;  // one finding per number, however many words precede it
            for (std::size_t at = 0; at < text.size(); ++at) {
                // Every rate word starts with a three-byte CJK character: other bytes (ASCII,
                // continuation bytes) cannot start one, and are most of a paragraph's bytes.
                if (static_cast<unsigned char>(text[at]) < 0xE0) continue;
                std::string_view word;
                for (std::string_view w : kRateWords)
                    if (text.compare(at, w.size(), w) == 0) word = w;
                if (word.empty()) continue;
                const std::optional<Number> n = number_after(text, at + word.size());
                if (!n || n->begin < searched) continue;
                searched = n->end;
                std::size_t after = n->end;
                while (after < text.size() && text[after] == ' ') ++after;
                if (!is_clause_mark(text, after)) continue;  // a unit, 「%」 or more text follows
                const std::string number(text.substr(n->begin, n->end - n->begin));
                FindingBuilder finding(meta().id, "mismatch");
                finding.at(block_span(report, static_cast<int>(b), n->begin, n->end))
                    .arg("word", word)
                    .arg("number", number)
                    .expected(number + "%")
                    .actual(number);
                sink.add(std::move(finding).build());
            }
        }
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_percent_sign, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::PercentSign>(context);
}
