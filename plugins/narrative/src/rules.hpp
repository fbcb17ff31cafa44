// The narrative rules: prose figures checked against the tables and against themselves.
// Each rule is stateless and const; the claims are extracted once per report and shared by
// all the rules through Report::derived (see analysis.hpp).
#pragma once

#include <memory>
#include <vector>

#include "analysis.hpp"
#include "fincheck/rule.hpp"
#include "lexicon.hpp"

namespace fincheck::narrative {

class NarrativeRule : public Rule {
public:
    NarrativeRule(std::shared_ptr<const Lexicon> lexicon, RuleMeta meta)
        : lexicon_(std::move(lexicon)), meta_(std::move(meta)) {}
    const RuleMeta& meta() const final { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const final {
        run(shared_analysis(report, lexicon_), context, sink);
    }
    // For callers that already hold an analysis (the benchmark, a future batch runner).
    virtual void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const = 0;

protected:
    const Lexicon& lexicon() const { return *lexicon_; }

private:
    std::shared_ptr<const Lexicon> lexicon_;
    RuleMeta meta_;
};

std::unique_ptr<NarrativeRule> make_amount_mismatch(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_share_mismatch(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_change_mismatch(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_rate_mismatch(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_comparison_word(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_zero_base(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_duplicate_fact(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_wrong_kind(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_listed_items(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_percent_sign(std::shared_ptr<const Lexicon> lexicon);
std::unique_ptr<NarrativeRule> make_stated_absence(std::shared_ptr<const Lexicon> lexicon);

// All of them, in documentation order.
std::vector<std::unique_ptr<NarrativeRule>> make_all_rules(std::shared_ptr<const Lexicon> lexicon);

}  // namespace fincheck::narrative
