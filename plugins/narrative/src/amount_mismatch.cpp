// narrative-amount-mismatch: a figure the prose states for a concept the lexicon binds to a
// table (基本支出, 公用经费, a functional class …) differs from every table fact it can mean.
#include "rules.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

class AmountMismatch final : public NarrativeRule {
public:
    using NarrativeRule::NarrativeRule;

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
                for (const FactValue& fact : facts) {
                    agrees = agrees || same_figure(claim.value, claim.half_unit, fact.value, fact.half_unit,
                                                   context.tolerance());
                }
                if (agrees) continue;
                const FactValue& first = facts.front();
                FindingBuilder finding(meta().id, "mismatch");
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
                add_claim_evidence(finding, analysis, block, claim, "claim");
                for (const FactValue& fact : facts) add_fact_evidence(finding, fact, "fact");
                sink.add(std::move(finding).build());
            }
        }
    }
};

}  // namespace

std::unique_ptr<NarrativeRule> make_amount_mismatch(std::shared_ptr<const Lexicon> lexicon) {
    return std::make_unique<AmountMismatch>(
        std::move(lexicon),
        narrative_meta("narrative-amount-mismatch", "正文金额与决算表不一致", "Amount in the prose differs from the tables",
                       "正文所述「{concept}」为{stated}万元，决算表（{cell}）为{fact}万元",
                       "The prose states {concept} as {stated} (10k yuan); the table ({cell}) has {fact}"));
}

}  // namespace fincheck::narrative
