// narrative-change-mismatch: 「增加/减少X万元」 and 「增长/下降Y%」 against this year's and the prior
// year's figures, when the sentence states enough of them to recompute.
#include <algorithm>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "narrative_rule.hpp"
#include "rate_rounding.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {

namespace {

class ChangeMismatch final : public NarrativeRule {
public:
    explicit ChangeMismatch(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-change-mismatch")
                            .title("增减额或增减率与前后年度数不符",
                                "Year-on-year change does not follow from its figures")
                            .severity(Severity::error)
                            .message("mismatch",
                                "正文所述变动{stated}与本年、上年数推算的{computed}不符",
                                "The stated change {stated} does not follow from this and last year's figures ({computed})")
                            .messages({truncated_rate_message("增减额÷上年数", "the change / the prior year's figure")})
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        for (const BlockClaims& block : analysis.blocks) {
            for (const ChangeGroup& group : change_groups(block)) check_group(analysis, block, group, context, sink);
        }
    }

private:
    void check_group(const Analysis& analysis, const BlockClaims& block, const ChangeGroup& group,
                     const RuleContext& context, FindingSink& sink) const {
        const Tolerance& tolerance = context.tolerance();
        // This year's figure: as stated, and as the tables have it for what the sentence names.
        std::vector<FactValue> facts;
        if (group.current) {
            for (FactValue& f : analysis.facts(block, block.concepts[*group.current], Role::level)) facts.push_back(std::move(f));
        }
        std::size_t change_at = group.amount ? *group.amount : *group.percent;
        if (block.concepts[change_at] != nullptr && !names_item_level(*analysis.report, block, block.claims[change_at])) {
            for (FactValue& f : analysis.facts(block, block.concepts[change_at], Role::level)) facts.push_back(std::move(f));
        }
        std::vector<Reading> currents;
        if (group.current) currents.push_back({block.claims[*group.current].value, block.claims[*group.current].half_unit,
                                               &block.claims[*group.current], nullptr});
        for (const FactValue& f : facts) currents.push_back({f.value, f.half_unit, nullptr, &f});
        const Claim* prior = group.prior ? &block.claims[*group.prior] : nullptr;
        const Claim* amount = group.amount ? &block.claims[*group.amount] : nullptr;
        const Claim* percent = group.percent ? &block.claims[*group.percent] : nullptr;

        if (amount != nullptr && prior != nullptr && !currents.empty()) {
            bool agrees = false;
            for (const Reading& a : currents) {
                agrees = agrees || same_figure((a.value - prior->value).abs(), a.half_unit + prior->half_unit,
                                               amount->value, amount->half_unit, tolerance);
            }
            if (!agrees) {
                Decimal computed = (currents.front().value - prior->value).abs();
                FindingBuilder finding(meta().id, "mismatch");
                finding.at(claim_location(analysis, block, *amount))
                    .arg("stated", text_of(*amount))
                    .arg("computed", computed.to_string() + "万元")
                    .expected(computed)
                    .actual(amount->value)
                    .difference(amount->value - computed);
                add_claim_evidence(finding, analysis, block, *amount, "claim");
                if (group.current) add_claim_evidence(finding, analysis, block, block.claims[*group.current], "current");
                add_claim_evidence(finding, analysis, block, *prior, "prior");
                sink.add(std::move(finding).build());
            }
        }
        if (percent == nullptr) return;
        struct Ratio {
            Decimal change, base, half;
        };
        std::vector<Ratio> ratios;
        if (prior != nullptr) {
            if (amount != nullptr) ratios.push_back({amount->value, prior->value, std::max(amount->half_unit, prior->half_unit)});
            for (const Reading& a : currents)
                ratios.push_back({(a.value - prior->value).abs(), prior->value, a.half_unit + prior->half_unit});
        } else if (amount != nullptr) {
            for (const Reading& a : currents) {
                Decimal base = amount->relation == Relation::greater ? a.value - amount->value : a.value + amount->value;
                ratios.push_back({amount->value, base, a.half_unit + amount->half_unit});
            }
        }
        std::erase_if(ratios, [](const Ratio& r) { return r.base <= Decimal{}; });
        if (ratios.empty()) return;
        // Rounded right under some reading: silent. Cut off instead of rounded: info.
        const Ratio* truncated = nullptr;
        for (const Ratio& r : ratios) {
            Tolerance t = tolerance;
            t.half_unit = r.half;
            RateRounding how = rate_rounding(percent->value, percent->decimals, r.change, r.base, t);
            if (how == RateRounding::rounded) return;
            if (how == RateRounding::truncated && truncated == nullptr) truncated = &r;
        }
        for (const Ratio& r : ratios) {
            Tolerance t = tolerance;
            t.half_unit = r.half;
            if (truncated == nullptr &&
                percentage_consistent_with_inputs(percent->value, percent->decimals, r.change, r.base, t))
                return;
        }
        const Ratio& shown = truncated != nullptr ? *truncated : ratios.front();
        Decimal exact = *Decimal::percent(shown.change, shown.base);
        FindingBuilder finding(meta().id, truncated != nullptr ? "truncated" : "mismatch");
        if (truncated != nullptr) finding.severity(Severity::info);
        finding.at(claim_location(analysis, block, *percent))
            .arg("stated", text_of(*percent))
            .arg("computed", percent_text(exact, percent->decimals))
            .expected(percent_text(exact, percent->decimals))
            .actual(text_of(*percent))
            .difference(percent->value - exact);
        add_claim_evidence(finding, analysis, block, *percent, "claim");
        if (amount != nullptr) add_claim_evidence(finding, analysis, block, *amount, "change");
        if (prior != nullptr) add_claim_evidence(finding, analysis, block, *prior, "prior");
        if (group.current) add_claim_evidence(finding, analysis, block, block.claims[*group.current], "current");
        for (const FactValue& f : facts) add_fact_evidence(finding, f, "current");
        sink.add(std::move(finding).build());
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_change_mismatch, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::ChangeMismatch>(context);
}
