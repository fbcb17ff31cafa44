// What every narrative rule is: prose figures checked against the tables and against
// themselves. Each rule is one file, rules/<id>.cpp, made with the plugin's lexicon
// (FINCHECK_RULE, fincheck/rule_file.hpp); it is stateless and const, and the claims are
// extracted once per report and shared by all the rules through Report::derived (see
// analysis.hpp).
#pragma once

#include <memory>

#include "analysis.hpp"
#include "fincheck/rule.hpp"
#include "fincheck/rule_file.hpp"
#include "lexicon.hpp"

namespace fincheck::narrative {

class NarrativeRule : public DeclaredRule {
public:
    NarrativeRule(std::shared_ptr<const Lexicon> lexicon, RuleMeta meta)
        : DeclaredRule(std::move(meta)), lexicon_(std::move(lexicon)) {}
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const final {
        run(shared_analysis(report, lexicon_), context, sink);
    }
    // For callers that already hold an analysis (the benchmark, a future batch runner).
    virtual void run(const Analysis& analysis, const RuleContext& context, FindingSink& sink) const = 0;

protected:
    const Lexicon& lexicon() const { return *lexicon_; }

private:
    std::shared_ptr<const Lexicon> lexicon_;
};

}  // namespace fincheck::narrative
