// structure-list-numbering: a heading sequence or an enumerated list skips or repeats a
// number (一、二、四、 or 1. 2. 4.). Sequences are siblings of one numbering style: sections
// under the same parent, numbered paragraphs within one section, contents entries under
// one part. A list that starts again at 1 is a new list, not an error.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::structure {

class ListNumberingRule final : public Rule {
public:
    ListNumberingRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

}  // namespace fincheck::structure
