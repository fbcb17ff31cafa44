// narrative-rate-mismatch: 「完成年初预算的…%」 / 执行率 against actual ÷ budget stated in the same
// sentence (or the sentence it refers to), and the 执行率 of an attachment form against its
// own 预算数 and 执行数.
#include <algorithm>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "narrative_rule.hpp"
#include "rate_rounding.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

class RateMismatch final : public NarrativeRule {
public:
    explicit RateMismatch(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-rate-mismatch")
                            .title("完成率或执行率与决算数、预算数不符",
                                "Completion or execution rate does not follow from actual and budget")
                            .severity(Severity::error)
                            .message("mismatch",
                                "所述比率{stated}与{actual}÷{budget}={computed}不符",
                                "The stated rate {stated} does not follow from {actual} / {budget} = {computed}")
                            .messages({truncated_rate_message("{actual}÷{budget}", "{actual} / {budget}")})
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        for (const BlockClaims& block : analysis.blocks) {
            for (std::size_t i = 0; i < block.claims.size(); ++i) {
                const Claim& rate = block.claims[i];
                if (rate.kind != ClaimKind::rate) continue;
                BudgetPair pair = budget_pair(block, i, rate.budget_kind);
                if (pair.actual == nullptr) continue;
                // No budget in the sentence: the table's budget of the same item (09 预算数).
                std::vector<FactValue> table_budget;
                if (pair.budget == nullptr) table_budget = table_budgets(analysis, block, *pair.actual, rate.budget_kind);
                // Several bindings (the 小计 column and the sum of its parts) must agree.
                auto differs = [&](const FactValue& f) { return f.value != table_budget.front().value; };
                if (pair.budget == nullptr &&
                    (table_budget.empty() || std::any_of(table_budget.begin(), table_budget.end(), differs)))
                    continue;
                const Decimal budget = pair.budget != nullptr ? pair.budget->value : table_budget.front().value;
                const Decimal budget_half = pair.budget != nullptr ? pair.budget->half_unit : table_budget.front().half_unit;
                if (budget <= Decimal{}) continue;  // narrative-zero-base
                Tolerance t = context.tolerance();
                t.half_unit = std::max(budget_half, pair.actual->half_unit);
                RateRounding how = rate_rounding(rate.value, rate.decimals, pair.actual->value, budget, t);
                if (how == RateRounding::rounded) continue;
                bool truncated = how == RateRounding::truncated;
                if (!truncated && percentage_consistent_with_inputs(rate.value, rate.decimals, pair.actual->value, budget, t))
                    continue;
                Decimal exact = *Decimal::percent(pair.actual->value, budget);
                FindingBuilder finding(meta().id, truncated ? "truncated" : "mismatch");
                if (truncated) finding.severity(Severity::info);
                finding.at(claim_location(analysis, block, rate))
                    .arg("stated", text_of(rate))
                    .arg("actual", pair.actual->value)
                    .arg("budget", budget)
                    .arg("computed", percent_text(exact, rate.decimals))
                    .expected(percent_text(exact, rate.decimals))
                    .actual(text_of(rate))
                    .difference(rate.value - exact);
                add_claim_evidence(finding, analysis, block, rate, "claim");
                add_claim_evidence(finding, analysis, block, *pair.actual, "actual");
                if (pair.budget != nullptr) add_claim_evidence(finding, analysis, block, *pair.budget, "budget");
                else add_fact_evidence(finding, table_budget.front(), "budget");
                sink.add(std::move(finding).build());
            }
        }
        for (const FormRate& form : analysis.form_rates) {
            Decimal budget = *form.budget->value, actual = *form.actual->value, rate = *form.rate->value;
            if (budget <= Decimal{}) continue;
            auto parsed = parse_decimals(form.rate->raw);
            Tolerance t = context.tolerance();
            RateRounding how = rate_rounding(rate, parsed, actual, budget, t);
            if (how == RateRounding::rounded) continue;
            bool truncated = how == RateRounding::truncated;
            if (!truncated && percentage_consistent_with_inputs(rate, parsed, actual, budget, t)) continue;
            Decimal exact = *Decimal::percent(actual, budget);
            FindingBuilder finding(meta().id, truncated ? "truncated" : "mismatch");
            if (truncated) finding.severity(Severity::info);
            finding.at(form_location(*analysis.report, form, *form.rate))
                .arg("stated", std::string(form.rate->raw))
                .arg("actual", actual)
                .arg("budget", budget)
                .arg("computed", percent_text(exact, parsed))
                .expected(percent_text(exact, parsed))
                .actual(std::string(form.rate->raw))
                .difference(rate - exact)
                .evidence("claim", form_location(*analysis.report, form, *form.rate), form.rate->raw, rate)
                .evidence("actual", form_location(*analysis.report, form, *form.actual), form.actual->raw, actual)
                .evidence("budget", form_location(*analysis.report, form, *form.budget), form.budget->raw, budget);
            sink.add(std::move(finding).build());
        }
    }

private:
    // Decimals printed in a field's raw text: 「98.68%」 -> 2, 「100%」 -> 0.
    static int parse_decimals(std::string_view raw) {
        std::size_t point = raw.find('.');
        if (point == std::string_view::npos) return 0;
        int digits = 0;
        for (std::size_t k = point + 1; k < raw.size() && raw[k] >= '0' && raw[k] <= '9'; ++k) ++digits;
        return digits;
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_rate_mismatch, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::RateMismatch>(context);
}
