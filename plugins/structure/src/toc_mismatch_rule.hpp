// structure-toc-mismatch: the table of contents and the body headings disagree: a part or
// heading listed but absent (or present without its number), one in the body but not
// listed, a different text under the same number, or a different order. Small rewordings
// (「…说明」 / 「…情况」) and year differences (owned by years-title-mismatch) pass.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::structure {

class TocMismatchRule final : public Rule {
public:
    TocMismatchRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

// Heading text reduced for comparison: no spaces, punctuation, digits, 年/年度.
std::u32string comparable_heading(std::string_view text);
// The same from text already compact()ed.
std::u32string comparable_heading_of_compacted(std::u32string_view compacted);

}  // namespace fincheck::structure
