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
                FindingBuilder finding(meta().id, copy != nullptr ? "two-printings" : "mismatch");
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
                add_claim_evidence(finding, analysis, block, claim, "claim");
                for (const FactValue& fact : facts) add_fact_evidence(finding, fact, "fact");
                sink.add(std::move(finding).build());
            }
        }
    }
};

}  // namespace

std::unique_ptr<NarrativeRule> make_amount_mismatch(std::shared_ptr<const Lexicon> lexicon) {
    RuleMeta meta =
        narrative_meta("narrative-amount-mismatch", "正文金额与决算表不一致", "Amount in the prose differs from the tables",
                       "正文所述「{concept}」为{stated}万元，决算表（{cell}）为{fact}万元",
                       "The prose states {concept} as {stated} (10k yuan); the table ({cell}) has {fact}");
    meta.messages.push_back({"two-printings",
                             "正文所述「{concept}」为{stated}万元，与决算表（{cell}）的{fact}万元相差一个尾数；"
                             "同一数字两处印出应完全一致",
                             "The prose states {concept} as {stated} (10k yuan) and the table ({cell}) prints {fact}: "
                             "the same figure printed twice must agree to the last digit"});
    return std::make_unique<AmountMismatch>(std::move(lexicon), std::move(meta));
}

}  // namespace fincheck::narrative
