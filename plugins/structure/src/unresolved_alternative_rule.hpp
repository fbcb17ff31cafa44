// structure-unresolved-alternative: a choice the template offers in parentheses, left as printed
// instead of resolved (「比上年增加（减少）12.5万元」, 「我部门（单位）组织…」). The published sentence
// then states both directions, or both kinds of body, at once.
#pragma once

#include <string>
#include <vector>

#include "fincheck/rule.hpp"
#include "phrase_data.hpp"

namespace fincheck::structure {

class UnresolvedAlternativeRule final : public Rule {
public:
    explicit UnresolvedAlternativeRule(const PhraseData& data);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    std::vector<AlternativeGroup> groups_;
};

}  // namespace fincheck::structure
