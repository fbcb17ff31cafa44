// years-date-out-of-range: a 填报日期 or the publication date falls outside year Y+1. Final
// accounts for year Y can only be filled in and published after Y closes, and a date years
// later is a typing error.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::years {

class DateOutOfRangeRule final : public Rule {
public:
    DateOutOfRangeRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

}  // namespace fincheck::years
