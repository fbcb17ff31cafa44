// years-balance-date: 「截至X年12月31日」 (or 年末 / 年底) marks the balance date of the
// report's assets and must name the fiscal year Y. 「截至2023年12月31日」 in the 2024 report
// states the assets of the wrong year; a clause that compares with the prior year is exempt.
#include <array>
#include <string>

#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "clause_text.hpp"
#include "comparison_text.hpp"
#include "year_index.hpp"
#include "year_phrases.hpp"
#include "year_text.hpp"

namespace fincheck::years {

class BalanceDateRule final : public DeclaredRule {
public:
    BalanceDateRule();
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;
};

namespace {

constexpr std::string_view kRuleId = "years-balance-date";

// True when the text just before `pos` is 截至 / 截止 (with 到 and spaces allowed).
bool preceded_by_as_of(std::string_view text, std::size_t pos) {
    return preceded_by(text, pos, "截至") || preceded_by(text, pos, "截止") || preceded_by(text, pos, "截至到") ||
           preceded_by(text, pos, "截止到");
}

// True when the text just after `pos` closes the year (12月31日, 年末, 年底).
bool followed_by_year_end(std::string_view text, std::size_t pos) {
    std::string_view after = text.substr(pos);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    // 年 has already been consumed; accept 「12月31日」, 「末」, 「底」 (with stray spaces).
    std::string compact;
    for (char c : after.substr(0, 24))
        if (c != ' ') compact.push_back(c);
    return compact.starts_with("12月31日") || compact.starts_with("１２月３１日") ||
           compact.starts_with("末") || compact.starts_with("底");
}

}  // namespace

BalanceDateRule::BalanceDateRule()
    : DeclaredRule(RuleMetaBuilder(std::string(kRuleId), "years")
          .title("资产截止日期不是报告年度末",
                 "Balance date is not the end of the fiscal year")
          .severity(Severity::error)
          .page_in("plugins/years")
          .messages({
              {"balance-date", "「{text}」的截止日期为{year}年末，应为报告年度{fiscal_year}年末",
               "\"{text}\" dates the balance at the end of {year}; it should be the end of fiscal year {fiscal_year}"},
          })
          .build()) {}

void BalanceDateRule::check(const Report& report, const RuleContext& context,
                            FindingSink& sink) const {
    const int fiscal_year = report.meta.fiscal_year;
    if (fiscal_year == 0) {
        context.log().write(LogLevel::debug, "years-balance-date: no fiscal year; skipped");
        return;
    }
    const YearIndex& index = YearIndex::of(report);
    for (std::size_t b = 0; b < report.blocks.size(); ++b) {
        const std::string_view text = report.blocks[b].text;
        for (const YearMention& m : index.block(b)) {
            if (m.quoted || m.year == fiscal_year || !m.single()) continue;
            if (!preceded_by_as_of(text, m.begin) || !followed_by_year_end(text, m.end)) continue;
            const std::string_view clause = clause_around(text, m.begin).of(text);
            if (states_change(clause)) continue;
            sink.add(FindingBuilder(kRuleId, "balance-date")
                         .at(Location::at_block(report, static_cast<int>(b),
                                                code_point_offset(text, m.begin),
                                                code_point_offset(text, m.end)))
                         .arg("text", clause)
                         .arg("year", std::to_string(m.year))
                         .arg("fiscal_year", std::to_string(fiscal_year))
                         .expected(std::to_string(fiscal_year) + "年12月31日")
                         .actual(std::to_string(m.year) + "年")
                         .build());
        }
    }
}

}  // namespace fincheck::years

FINCHECK_RULE(years_balance_date, fincheck::years::YearPhrases) {
    return std::make_unique<fincheck::years::BalanceDateRule>();
}
