// years-balance-date: 「截至X年12月31日」 (or 年末 / 年底) marks the balance date of the
// report's assets and must name the fiscal year Y. 「截至2023年12月31日」 in the 2024 report
// states the assets of the wrong year; a clause that compares with the prior year is exempt.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::years {

class BalanceDateRule final : public Rule {
public:
    BalanceDateRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

}  // namespace fincheck::years
