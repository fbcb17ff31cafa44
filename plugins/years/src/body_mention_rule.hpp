// years-body-mention: prose that labels the report's own figures or documents with another
// year — 「上海市普陀区财政局2023年度收入支出总计2995.39万元」 or 「本部门2023年度部门决算」 in
// the 2024 report, a sentence copied from last year's report. The decision is the sentence's
// own: the year must stand right before a 决算 noun phrase of the report (data, see
// year_phrases.hpp) in a clause that compares nothing, outside cited titles, ranges, history,
// balance dates and next year's plans.
#pragma once

#include "fincheck/rule.hpp"
#include "year_phrases.hpp"

namespace fincheck::years {

class BodyMentionRule final : public Rule {
public:
    explicit BodyMentionRule(YearPhrases phrases);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    YearPhrases phrases_;
};

}  // namespace fincheck::years
