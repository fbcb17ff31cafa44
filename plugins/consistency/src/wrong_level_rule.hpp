// structure-wrong-level: text copied from a template of another administrative level
// (「市级财政」 or 「市直部门」 in a district report). The report's level comes from
// Metadata::level; the phrases come from data a region can extend.
#pragma once

#include "fincheck/rule.hpp"
#include "phrase_data.hpp"

namespace fincheck::consistency {

class WrongLevelRule final : public Rule {
public:
    explicit WrongLevelRule(const PhraseData& data);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    std::vector<WrongLevelGroup> groups_;
};

}  // namespace fincheck::consistency
