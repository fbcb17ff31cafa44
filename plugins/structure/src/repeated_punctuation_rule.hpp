// structure-repeated-punctuation: a sentence mark typed twice (「。。」, 「，，」, 「；；」) in the
// prose. Such doubling is a sign of editing left unfinished — text deleted between two
// sentences, or a template sentence pasted after one that already ended — and an auditor wants
// to read the passage again. Ellipses (…… and 。。。 used as one) are not doubling.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::structure {

class RepeatedPunctuationRule final : public Rule {
public:
    RepeatedPunctuationRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

}  // namespace fincheck::structure
