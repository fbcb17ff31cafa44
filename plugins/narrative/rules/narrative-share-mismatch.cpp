// narrative-share-mismatch: 「占…%」 does not follow from its part and whole, under every
// reading of them (stated in the sentence, the list heading, or the bound table facts).
#include <algorithm>
#include <optional>

#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"
#include "narrative_rule.hpp"
#include "rate_rounding.hpp"
#include "support.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

class ShareMismatch final : public NarrativeRule {
public:
    explicit ShareMismatch(std::shared_ptr<const Lexicon> lexicon)
        : NarrativeRule(std::move(lexicon),
                        narrative_rule("narrative-share-mismatch")
                            .title("占比与金额不符",
                                "Share does not follow from its amounts")
                            .severity(Severity::error)
                            .message("mismatch",
                                "正文所述占比{stated}与{part}÷{whole}={computed}不符",
                                "The stated share {stated} does not follow from {part} / {whole} = {computed}")
                            .messages({truncated_rate_message("{part}÷{whole}", "{part} / {whole}")})
                            .build()) {}

    void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const override {
        for (std::size_t b = 0; b < analysis.blocks.size(); ++b) {
            const BlockClaims& block = analysis.blocks[b];
            for (std::size_t i = 0; i < block.claims.size(); ++i) {
                if (block.claims[i].kind == ClaimKind::share) check_share(analysis, b, i, context, sink);
            }
        }
    }

private:
    // The amount the share is of: nearest amount before it in its sentence.
    static std::optional<std::size_t> part_index(const BlockClaims& block, std::size_t at) {
        const Claim& share = block.claims[at];
        for (std::size_t k = at; k-- > 0;) {
            const Claim& c = block.claims[k];
            if (c.sentence != share.sentence) break;
            if (c.kind == ClaimKind::share) return std::nullopt;  // two shares for one amount: unclear
            if (c.kind == ClaimKind::amount && !c.prior_year) return k;
        }
        return std::nullopt;
    }

    // The shares printed with this one add up to 100% exactly: its own block's shares of the
    // same whole, or, in a list under a 「…：」 heading, the bare shares of the list's items.
    static bool nudged_to_hundred(const Analysis& analysis, std::size_t b, const Claim& share,
                                  std::optional<std::size_t> list_heading) {
        Decimal sum;
        std::size_t count = 0;
        auto add_block = [&](const BlockClaims& block, bool bare_only) {
            for (const Claim& c : block.claims) {
                if (c.kind != ClaimKind::share || (bare_only ? !c.whole.empty() : c.whole != share.whole)) continue;
                sum += c.value;
                ++count;
            }
        };
        if (list_heading && share.whole.empty()) {
            const int section = analysis.report->blocks[static_cast<std::size_t>(analysis.blocks[b].block)].section;
            for (std::size_t k = *list_heading + 1; k < analysis.blocks.size(); ++k) {
                const BlockClaims& item = analysis.blocks[k];
                if (analysis.report->blocks[static_cast<std::size_t>(item.block)].section != section || item.ends_with_colon) break;
                add_block(item, true);
            }
        } else {
            add_block(analysis.blocks[b], false);
        }
        return count >= 2 && sum == Decimal::from_int(100);
    }

    void report_truncated(const Analysis& analysis, const BlockClaims& block, const Claim& share, const Claim& part,
                          const Reading& p, const Reading& w, FindingSink& sink) const {
        Decimal exact = *Decimal::percent(p.value, w.value);
        FindingBuilder finding(meta().id, "truncated");
        finding.severity(Severity::info)
            .at(claim_location(analysis, block, share))
            .arg("stated", text_of(share))
            .arg("part", p.value)
            .arg("whole", w.value)
            .arg("computed", percent_text(exact, share.decimals))
            .expected(percent_text(exact, share.decimals))
            .actual(text_of(share))
            .difference(share.value - exact);
        add_claim_evidence(finding, analysis, block, share, "claim");
        add_claim_evidence(finding, analysis, block, part, "part");
        if (w.fact != nullptr) add_fact_evidence(finding, *w.fact, "whole");
        sink.add(std::move(finding).build());
    }

    void add_stated(std::vector<Reading>& out, std::vector<FactValue>& store, const Analysis& analysis,
                    const BlockClaims& block, std::size_t k) const {
        const Claim& c = block.claims[k];
        out.push_back({c.value, c.half_unit, &c, nullptr});
        for (FactValue& fact : analysis.facts(block, block.concepts[k], c.role)) store.push_back(std::move(fact));
    }

    void check_share(const Analysis& analysis, std::size_t b, std::size_t at, const RuleContext& context,
                     FindingSink& sink) const {
        const BlockClaims& block = analysis.blocks[b];
        const Claim& share = block.claims[at];
        auto part_at = part_index(block, at);
        if (!part_at) return;
        const Claim& part = block.claims[*part_at];
        std::vector<FactValue> part_facts = analysis.facts(block, block.concepts[*part_at], part.role);
        std::vector<Reading> parts = readings_of(part, part_facts);

        std::vector<Reading> wholes;
        std::vector<FactValue> whole_facts;
        whole_facts.reserve(32);  // readings point into it
        std::optional<std::size_t> list_heading;  // the 「…：」 block a bare share's list hangs from
        if (!share.whole.empty()) {
            const Concept* whole_concept = lexicon().find(share.whole);
            for (FactValue& fact : analysis.facts(block, whole_concept, Role::level)) whole_facts.push_back(std::move(fact));
            for (std::size_t k = 0; k < block.claims.size(); ++k) {
                const Claim& c = block.claims[k];
                if (k == *part_at || c.period != share.period || c.kind != ClaimKind::amount || c.prior_year) continue;
                bool named = (whole_concept != nullptr && block.concepts[k] == whole_concept) || contains(c.subject, share.whole);
                if (named) wholes.push_back({c.value, c.half_unit, &c, nullptr});
            }
        } else {
            // The sentence's head figure: 「本年支出合计X万元，其中：基本支出Y万元，占Z%」.
            for (std::size_t k = 0; k < *part_at; ++k) {
                const Claim& c = block.claims[k];
                if (c.sentence == share.sentence && c.kind == ClaimKind::amount && !c.prior_year) {
                    add_stated(wholes, whole_facts, analysis, block, k);
                    break;
                }
            }
            if (block.context_rule != nullptr && !block.context_rule->share_whole.empty()) {
                if (const Concept* whole_concept = lexicon().by_id(block.context_rule->share_whole)) {
                    for (FactValue& fact : analysis.facts(block, whole_concept, Role::level)) whole_facts.push_back(std::move(fact));
                }
            }
            // A list item under 「…支出X万元，主要用于以下方面：」.
            const Block& here = analysis.report->blocks[static_cast<std::size_t>(block.block)];
            for (std::size_t back = 1; back <= 12 && back <= b; ++back) {
                const BlockClaims& heading = analysis.blocks[b - back];
                if (analysis.report->blocks[static_cast<std::size_t>(heading.block)].section != here.section) break;
                if (!heading.ends_with_colon) continue;
                list_heading = b - back;
                for (std::size_t k = heading.claims.size(); k-- > 0;) {
                    const Claim& c = heading.claims[k];
                    if (c.kind == ClaimKind::amount && !c.prior_year) {
                        add_stated(wholes, whole_facts, analysis, heading, k);
                        break;
                    }
                }
                break;
            }
        }
        for (const FactValue& fact : whole_facts) wholes.push_back({fact.value, fact.half_unit, nullptr, &fact});
        // A share of nothing is the zero-base rule's business, not this one's.
        std::erase_if(wholes, [](const Reading& w) { return w.value <= Decimal{}; });
        if (wholes.empty()) return;

        // Rounded right under some reading: silent. Cut off instead: info — unless the shares it
        // is printed with add up to 100% exactly, the 0.01 nudge a list is allowed.
        const Reading* cut_part = nullptr;
        const Reading* cut_whole = nullptr;
        for (const Reading& p : parts) {
            for (const Reading& w : wholes) {
                Tolerance tolerance = context.tolerance();
                tolerance.half_unit = std::max(p.half_unit, w.half_unit);
                RateRounding how = rate_rounding(share.value, share.decimals, p.value, w.value, tolerance);
                if (how == RateRounding::rounded) return;
                if (how == RateRounding::truncated && cut_part == nullptr) cut_part = &p, cut_whole = &w;
            }
        }
        if (cut_part != nullptr) {
            if (!nudged_to_hundred(analysis, b, share, list_heading)) report_truncated(analysis, block, share, part, *cut_part, *cut_whole, sink);
            return;
        }
        for (const Reading& p : parts) {
            for (const Reading& w : wholes) {
                Tolerance tolerance = context.tolerance();
                tolerance.half_unit = std::max(p.half_unit, w.half_unit);
                if (percentage_consistent_with_inputs(share.value, share.decimals, p.value, w.value, tolerance))
                    return;
            }
        }
        // Prefer a table whole in the message: it is the figure the share must follow.
        const Reading* whole = &wholes.front();
        for (const Reading& w : wholes) {
            if (w.fact != nullptr) { whole = &w; break; }
        }
        Decimal exact = *Decimal::percent(part.value, whole->value);
        FindingBuilder finding(meta().id, "mismatch");
        finding.at(claim_location(analysis, block, share))
            .arg("stated", text_of(share))
            .arg("part", part.value)
            .arg("whole", whole->value)
            .arg("computed", percent_text(exact, share.decimals))
            .expected(percent_text(exact, share.decimals))
            .actual(text_of(share))
            .difference(share.value - exact);
        add_claim_evidence(finding, analysis, block, share, "claim");
        add_claim_evidence(finding, analysis, block, part, "part");
        for (const FactValue& fact : part_facts) add_fact_evidence(finding, fact, "part");
        if (whole->fact != nullptr) add_fact_evidence(finding, *whole->fact, "whole");
        else if (whole->claim != nullptr) {
            finding.evidence("whole", Location{}, text_of(*whole->claim), whole->claim->value);
        }
        sink.add(std::move(finding).build());
    }
};

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_RULE(narrative_share_mismatch, std::shared_ptr<const fincheck::narrative::Lexicon>) {
    return std::make_unique<fincheck::narrative::ShareMismatch>(context);
}
