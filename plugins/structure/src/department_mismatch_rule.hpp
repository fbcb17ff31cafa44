// structure-department-mismatch: the department printed above a table (「部门：…」) or in an
// attachment form (「单位名称：…」) is not the report's department. Abbreviations pass when
// they keep the department's region chain down to its own level and abbreviate its body;
// 「中共武汉市委直属机关工委」 in the 汉阳区委 report names a different, higher-level body.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::structure {

class DepartmentMismatchRule final : public Rule {
public:
    DepartmentMismatchRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

}  // namespace fincheck::structure
