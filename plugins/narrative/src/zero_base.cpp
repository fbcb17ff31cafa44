// narrative-zero-base: a growth rate or completion rate stated against a base that is zero
// or blank (「增加307.82万元，增长100.00%」 for a unit new this year; 「年初预算为0万元…完成年初
// 预算的95.89%」). The ratio does not exist; the text should say so instead of printing one.
#include "rules.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

class ZeroBase final : public NarrativeRule {
public:
    using NarrativeRule::NarrativeRule;

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        for (const BlockClaims& block : analysis.blocks) {
            for (const ChangeGroup& group : change_groups(block)) check_change(analysis, block, group, context, sink);
            for (std::size_t i = 0; i < block.claims.size(); ++i) {
                const Claim& rate = block.claims[i];
                if (rate.kind != ClaimKind::rate || rate.value.is_zero()) continue;
                BudgetPair pair = budget_pair(block, i, rate.budget_kind);
                if (pair.budget == nullptr || !pair.budget->value.is_zero()) continue;
                report(analysis, block, rate, *pair.budget, sink);
            }
        }
        for (const FormRate& form : form_rates(*analysis.report)) {
            if (!form.budget->value->is_zero() || form.rate->value->is_zero()) continue;
            FindingBuilder finding(meta().id, "mismatch");
            finding.at(form_location(*analysis.report, form, *form.rate))
                .arg("stated", std::string(form.rate->raw))
                .arg("base", std::string(form.budget->raw))
                .expected("—")
                .actual(std::string(form.rate->raw))
                .evidence("claim", form_location(*analysis.report, form, *form.rate), form.rate->raw, form.rate->value)
                .evidence("base", form_location(*analysis.report, form, *form.budget), form.budget->raw, form.budget->value);
            sink.add(std::move(finding).build());
        }
    }

private:
    void report(const Analysis& analysis, const BlockClaims& block, const Claim& rate, const Claim& base,
                FindingSink& sink) const {
        FindingBuilder finding(meta().id, "mismatch");
        finding.at(claim_location(analysis, block, rate))
            .arg("stated", text_of(rate))
            .arg("base", text_of(base))
            .expected("—")
            .actual(text_of(rate));
        add_claim_evidence(finding, analysis, block, rate, "claim");
        add_claim_evidence(finding, analysis, block, base, "base");
        sink.add(std::move(finding).build());
    }

    void check_change(const Analysis& analysis, const BlockClaims& block, const ChangeGroup& group,
                      const RuleContext& context, FindingSink& sink) const {
        if (!group.percent) return;
        const Claim& percent = block.claims[*group.percent];
        if (percent.value.is_zero()) return;
        if (group.prior) {
            const Claim& prior = block.claims[*group.prior];
            if (prior.value.is_zero()) report(analysis, block, percent, prior, sink);
            return;
        }
        if (!group.amount) return;
        const Claim& amount = block.claims[*group.amount];
        if (amount.relation != Relation::greater) return;  // a fall from zero is impossible anyway
        // The prior figure is this year's less the increase: zero when they are equal. This
        // year's figure is the one stated, or else the table's for what the change names.
        std::vector<Reading> currents;
        if (group.current) {
            const Claim& c = block.claims[*group.current];
            currents.push_back({c.value, c.half_unit, &c, nullptr});
        }
        std::vector<FactValue> facts;
        if (currents.empty() && block.concepts[*group.amount] != nullptr)
            facts = analysis.facts(block, block.concepts[*group.amount], Role::level);
        for (const FactValue& f : facts) currents.push_back({f.value, f.half_unit, nullptr, &f});
        if (currents.empty()) return;
        for (const Reading& a : currents) {
            if (!same_figure(a.value, a.half_unit, amount.value, amount.half_unit, context.tolerance())) return;
        }
        report(analysis, block, percent, amount, sink);
    }
};

}  // namespace

std::unique_ptr<NarrativeRule> make_zero_base(std::shared_ptr<const Lexicon> lexicon) {
    return std::make_unique<ZeroBase>(
        std::move(lexicon),
        narrative_meta("narrative-zero-base", "以零或空白为基数计算比率", "Rate stated against a zero or blank base",
                       "所述比率{stated}的基数为零（{base}），该比率无意义",
                       "The rate {stated} is stated against a zero base ({base}); it has no meaning"));
}

}  // namespace fincheck::narrative
