// narrative-amount-mismatch: a figure the prose states for a concept the lexicon binds to a
// table (基本支出, 公用经费, a functional class …) differs from every table fact it can mean.
#include <algorithm>
#include <optional>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "narrative_rule.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

class AmountMismatch final : public NarrativeRule {
public:
    explicit AmountMismatch(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-amount-mismatch")
                            .title("正文金额与决算表不一致",
                                "Amount in the prose differs from the tables")
                            .severity(Severity::error)
                            .message("mismatch",
                                "正文所述「{concept}」为{stated}万元，决算表（{cell}）为{fact}万元",
                                "The prose states {concept} as {stated} (10k yuan); the table ({cell}) has {fact}")
                            .message("two-printings",
                                "正文所述「{concept}」为{stated}万元，与决算表（{cell}）的{fact}万元相差一个尾数；"
                                "同一数字两处印出应完全一致",
                                "The prose states {concept} as {stated} (10k yuan) and the table ({cell}) prints {fact}: "
                                "the same figure printed twice must agree to the last digit")
                            // The stated figure is right for another fund scope: 03 (all funds) stated where the
                            // section is about the 一般公共预算财政拨款 tables (05, 06), or the reverse.
                            .message("wrong-scope",
                                "正文所述「{concept}」为{stated}万元，是另一资金口径（{other_cell}）的数字；本节对应的决算表"
                                "（{cell}）为{fact}万元。支出决算表含全部资金来源，一般公共预算财政拨款表只含一般公共预算"
                                "财政拨款，两者不能互相替代",
                                "The prose states {concept} as {stated} (10k yuan), the figure of another fund scope "
                                "({other_cell}); the table of this section ({cell}) has {fact}. The expenditure table covers "
                                "all funds, the general-budget appropriation tables one source: one cannot stand for the other")
                            .build()) {}

private:
    // The fact of the same quantity in another fund scope that the claim states, when it
    // differs from every fact of the block's own context: the concept's binding under another
    // section context (03 for 基本支出 outside the 一般公共预算 sections, 05 inside them), or
    // that of a concept sharing a binding with it (一般公共预算财政拨款基本支出 shares 05 with
    // 基本支出, whose all-funds binding is 03). nullopt when no other scope states the figure.
    static std::optional<FactValue> other_scope_fact(const Analysis& analysis, const BlockClaims& block,
                                                     const Concept& entry, const Claim& claim,
                                                     const std::vector<FactValue>& own, const Tolerance& tolerance) {
        const Lexicon& lexicon = *analysis.lexicon;
        std::vector<std::string_view> contexts{std::string_view{}};
        for (const ContextRule& rule : lexicon.contexts) contexts.push_back(rule.id);
        for (const Concept& candidate : lexicon.concepts) {
            if (&candidate != &entry && !shares_binding(candidate, entry)) continue;
            for (std::string_view other : contexts) {
                if (other == block.context && &candidate == &entry) continue;
                for (FactValue& fact : facts_for(*analysis.report, lexicon, candidate, other, claim.role)) {
                    auto same_cells = [&](const FactValue& f) { return f.label == fact.label; };
                    if (std::any_of(own.begin(), own.end(), same_cells)) continue;
                    if (same_figure(claim.value, claim.half_unit, fact.value, fact.half_unit, tolerance))
                        return std::move(fact);
                }
            }
        }
        return std::nullopt;
    }

    static bool same_terms(const Binding& a, const Binding& b) {
        if (a.role != b.role || a.terms.size() != b.terms.size()) return false;
        for (std::size_t k = 0; k < a.terms.size(); ++k) {
            const FactTerm& x = a.terms[k];
            const FactTerm& y = b.terms[k];
            if (x.table != y.table || x.row != y.row || x.column != y.column || x.class_total != y.class_total) return false;
        }
        return true;
    }

    static bool shares_binding(const Concept& a, const Concept& b) {
        for (const Binding& x : a.bindings)
            for (const Binding& y : b.bindings)
                if (same_terms(x, y)) return true;
        return false;
    }

public:

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        for (const BlockClaims& block : analysis.blocks) {
            for (std::size_t i = 0; i < block.claims.size(); ++i) {
                const Claim& claim = block.claims[i];
                const Concept* entry = block.concepts[i];
                if (claim.kind != ClaimKind::amount || claim.prior_year || claim.approximate || entry == nullptr) continue;
                if (names_item_level(*analysis.report, block, claim)) continue;
                std::vector<FactValue> facts = analysis.facts(block, entry, claim.role);
                if (facts.empty()) continue;
                bool agrees = false;
                const FactValue* copy = nullptr;  // a fact printed to the claim's own precision
                for (const FactValue& fact : facts) {
                    if (fact.value == claim.value) {
                        copy = nullptr;
                        agrees = true;
                        break;
                    }
                    if (same_figure(claim.value, claim.half_unit, fact.value, fact.half_unit, context.tolerance())) {
                        agrees = true;
                        if (fact.half_unit == claim.half_unit && copy == nullptr) copy = &fact;
                    }
                }
                // The prose restating a table figure to the same precision is a second printing
                // of it: it must agree to the last digit, and a 0.01 difference is a warning.
                // A coarser restatement (「约592万元」, one decimal) or a sum of cells keeps its tail.
                if (agrees && copy == nullptr) continue;
                const FactValue& first = copy != nullptr ? *copy : facts.front();
                // The figure of the same concept in another fund scope (03 where 05 belongs, or
                // the reverse): the message names both, since the fix is the scope, not a digit.
                std::optional<FactValue> scope;
                if (!agrees) scope = other_scope_fact(analysis, block, *entry, claim, facts, context.tolerance());
                FindingBuilder finding(meta().id, copy != nullptr ? "two-printings" : scope ? "wrong-scope" : "mismatch");
                if (copy != nullptr) finding.severity(Severity::warning);
                finding.at(claim_location(analysis, block, claim))
                    .arg("subject", to_utf8(claim.subject))
                    .arg("concept", entry->id)
                    .arg("stated", claim.value)
                    .arg("fact", first.value)
                    .arg("cell", first.label)
                    .expected(first.value)
                    .actual(claim.value)
                    .difference(claim.value - first.value)
                    .tolerance(claim.half_unit + first.half_unit + context.tolerance().extra);
                if (scope) finding.arg("other_cell", scope->label);
                add_claim_evidence(finding, analysis, block, claim, "claim");
                for (const FactValue& fact : facts) add_fact_evidence(finding, fact, "fact");
                if (scope) add_fact_evidence(finding, *scope, "other-scope");
                sink.add(std::move(finding).build());
            }
        }
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_amount_mismatch, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::AmountMismatch>(context);
}
