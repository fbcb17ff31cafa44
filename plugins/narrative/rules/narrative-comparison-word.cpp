// narrative-comparison-word: 持平/无变化/等于 while the figures differ, 大于/小于 or 增加/减少
// pointing the wrong way.
#include <algorithm>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "narrative_rule.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

const char* relation_text(Relation relation) {
    switch (relation) {
        case Relation::equal: return "相等 equal";
        case Relation::about_equal: return "基本持平 about equal";
        case Relation::greater: return "大于 greater";
        case Relation::less: return "小于 less";
        case Relation::none: break;
    }
    return "?";
}

class ComparisonWord final : public NarrativeRule {
public:
    explicit ComparisonWord(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-comparison-word")
                            .title("比较用语与数字矛盾",
                                "Comparison word contradicts the figures")
                            .severity(Severity::error)
                            .option({"about-equal-percent", OptionType::decimal, "5", "「基本持平」允许的相对差异（百分比）",
                                "Relative difference, in percent, that 基本持平 (about equal) allows"})
                            .message("mismatch",
                                "正文称「{word}」，但所比较的数字为{left}与{right}",
                                "The prose says '{word}' but the figures compared are {left} and {right}")
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        Decimal about = context.option_decimal("about-equal-percent").value_or(Decimal::from_int(5));
        for (const BlockClaims& block : analysis.blocks) {
            for (std::size_t i = 0; i < block.claims.size(); ++i) {
                const Claim& word = block.claims[i];
                if (word.kind == ClaimKind::comparison) {
                    check_word(analysis, block, i, about, context, sink);
                } else if (word.kind == ClaimKind::change_amount || word.kind == ClaimKind::change_percent) {
                    check_direction(analysis, block, i, context, sink);
                }
            }
        }
    }

private:
    // Does `left <relation> right` hold, given their rounding?
    static bool holds(Relation relation, Decimal left, Decimal right, Decimal slack, Decimal about_percent) {
        Decimal diff = left - right;
        switch (relation) {
            case Relation::equal: return diff.abs() <= slack;
            case Relation::about_equal: {
                Decimal base = std::max(left.abs(), right.abs());
                Decimal allowed = std::max(slack, base.times(about_percent).times(Decimal::from_units(10'000)));
                return diff.abs() <= allowed;
            }
            case Relation::greater: return diff >= -slack;
            case Relation::less: return diff <= slack;
            case Relation::none: break;
        }
        return true;
    }

    void report(const Analysis& analysis, const BlockClaims& block, const Claim& word, const Claim& left,
                const Claim& right, Relation relation, FindingSink& sink) const {
        FindingBuilder finding(meta().id, "mismatch");
        finding.at(claim_location(analysis, block, word))
            .arg("word", text_of(word))
            .arg("left", left.value)
            .arg("right", right.value)
            .expected(relation_text(relation))
            .actual(left.value.to_string() + " vs " + right.value.to_string())
            .difference(left.value - right.value);
        add_claim_evidence(finding, analysis, block, word, "claim");
        add_claim_evidence(finding, analysis, block, left, "left");
        add_claim_evidence(finding, analysis, block, right, "right");
        sink.add(std::move(finding).build());
    }

    void check_word(const Analysis& analysis, const BlockClaims& block, std::size_t i, Decimal about,
                    const RuleContext& context, FindingSink& sink) const {
        const Claim& word = block.claims[i];
        Decimal extra = context.tolerance().extra;
        if (word.names_actual_vs_budget) {
            BudgetPair pair = budget_pair(block, i, BudgetKind::any);
            if (pair.actual == nullptr || pair.budget == nullptr) return;
            Decimal slack = pair.actual->half_unit + pair.budget->half_unit + extra;
            if (!holds(word.relation, pair.actual->value, pair.budget->value, slack, about))
                report(analysis, block, word, *pair.actual, *pair.budget, word.relation, sink);
            return;
        }
        // 「支出决算为0.00万元，较上年0.00万元无变化」: this year's figure against the prior one.
        const Claim* prior = nullptr;
        const Claim* current = nullptr;
        int currents = 0;
        for (std::size_t k = i; k-- > 0;) {
            const Claim& c = block.claims[k];
            if (c.sentence != word.sentence) break;
            if (c.kind == ClaimKind::change_amount || c.kind == ClaimKind::change_percent) return;
            if (c.kind != ClaimKind::amount || c.role == Role::budget) continue;
            if (c.prior_year) { if (prior == nullptr) prior = &c; }
            else { current = &c; ++currents; }
        }
        if (prior == nullptr || current == nullptr || currents != 1) return;
        Decimal slack = current->half_unit + prior->half_unit + extra;
        if (!holds(word.relation, current->value, prior->value, slack, about))
            report(analysis, block, word, *current, *prior, word.relation, sink);
    }

    // 「比2023年6.71万元增加0.36万元」 while this year's figure is lower.
    void check_direction(const Analysis& analysis, const BlockClaims& block, std::size_t i,
                         const RuleContext& context, FindingSink& sink) const {
        const Claim& change = block.claims[i];
        if (change.relation != Relation::greater && change.relation != Relation::less) return;
        if (i > 0 && block.claims[i - 1].kind == ClaimKind::change_amount && change.kind == ClaimKind::change_percent)
            return;  // judged once, at the amount
        const Claim* prior = nullptr;
        const Claim* current = nullptr;
        int currents = 0;
        for (std::size_t k = i; k-- > 0;) {
            const Claim& c = block.claims[k];
            if (c.sentence != change.sentence) break;
            if (c.kind == ClaimKind::change_amount || c.kind == ClaimKind::change_percent) return;
            if (c.kind != ClaimKind::amount || c.role == Role::budget) continue;
            if (c.prior_year) { if (prior == nullptr) prior = &c; }
            else { current = &c; ++currents; }
        }
        if (prior == nullptr || current == nullptr || currents != 1) return;
        Decimal slack = current->half_unit + prior->half_unit + context.tolerance().extra;
        Decimal diff = current->value - prior->value;
        bool wrong = change.relation == Relation::greater ? diff < -slack : diff > slack;
        if (wrong) report(analysis, block, change, *current, *prior, change.relation, sink);
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_comparison_word, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::ComparisonWord>(context);
}
