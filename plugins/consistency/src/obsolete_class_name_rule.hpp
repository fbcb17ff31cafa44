// structure-obsolete-class-name: a functional class (类) printed under a name the catalogue of
// the report's year no longer uses (「文化体育与传媒支出」 in a 2024 report, renamed
// 文化旅游体育与传媒 in 2019): the table or the text was copied from an outdated template.
#pragma once

#include <vector>

#include "fincheck/rule.hpp"
#include "phrase_data.hpp"

namespace fincheck::consistency {

class ObsoleteClassNameRule final : public Rule {
public:
    explicit ObsoleteClassNameRule(const PhraseData& data);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    std::vector<RenamedClass> renamed_;
};

}  // namespace fincheck::consistency
