// example-negative-amount: an amount printed in one of the nine standard tables is below zero.
//
// Income, expenditure and balances in a final-accounts disclosure are never negative; a
// minus sign there is a typing or extraction slip. Attachment forms and free tables are not
// checked: a deviation (偏差) column may legitimately be negative.
#pragma once

#include <fincheck/rule.hpp>

namespace example {

class NegativeAmountRule final : public fincheck::Rule {
public:
    const fincheck::RuleMeta& meta() const override;
    void check(const fincheck::Report& report, const fincheck::RuleContext& context,
               fincheck::FindingSink& sink) const override;
};

}  // namespace example
