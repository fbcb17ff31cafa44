// years-title-mismatch: a title, heading or table-of-contents entry names a year other
// than the report's fiscal year (an attachment titled 「2023年度…项目绩效自评表」 inside the
// 2024 report). Comparisons, ranges that include the fiscal year and cited document titles
// are not labels of the report's own year and are left alone.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::years {

class TitleMismatchRule final : public Rule {
public:
    TitleMismatchRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

}  // namespace fincheck::years
