// The generic arithmetic rules' machinery: every sum a table states about itself, found by
// shape (sum_relations.hpp), judged with the interval reading of rounding. One class, five
// rule files (rules/arith-*.cpp), each reporting one outcome so a cell never gets two findings
// for one relation:
//   arith-total-row        a 合计/总计/小计 row differs from the rows it closes
//   arith-code-subtotal    a 类/款 (or economic class) row differs from its code children
//   arith-total-column     a 合计/小计 column of a non-standard table differs from its siblings
//   arith-blank-total      a total printed blank while its parts carry amounts
//   arith-total-below-part a total smaller than one of its own parts: a misread, not a sum
#pragma once

#include <memory>
#include <vector>

#include "fincheck/rule.hpp"
#include "sum_relations.hpp"

namespace fincheck::arith {

class SumRule final : public Rule {
public:
    enum class Outcome { mismatch, blank_total, below_part };

    // mismatch rules handle one relation kind; blank/below-part rules handle all kinds.
    SumRule(RuleMeta meta, Outcome outcome, std::optional<SumKind> kind);

    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    Outcome outcome_;
    std::optional<SumKind> kind_;
};

}  // namespace fincheck::arith
