// structure-obsolete-class-name: a functional class (类) printed under a name the catalogue of
// the report's year no longer uses (「文化体育与传媒支出」 in a 2024 report, renamed
// 文化旅游体育与传媒 in 2019): the table or the text was copied from an outdated template.
#pragma once

#include <vector>

#include "fincheck/rule.hpp"
#include "fincheck/templates/template.hpp"

namespace fincheck::structure {

// A functional class (类) renamed in the catalogue: from fiscal year `since` on, `old_name` is
// outdated (文化体育与传媒 → 文化旅游体育与传媒 in 2019). Names without the 支出 ending, as text
// also says 「卫生健康（类）支出」.
struct RenamedClass {
    std::string code;
    std::string old_name;
    std::string new_name;
    int since = 0;
};

class ObsoleteClassNameRule final : public Rule {
public:
    // The renamings are the former names of `catalogue`'s functional classes (schemas/templates).
    explicit ObsoleteClassNameRule(const templates::Template& catalogue = *templates::TemplateSet::builtin().find("national"));
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    std::vector<RenamedClass> renamed_;
};

}  // namespace fincheck::structure
