// structure-empty-table-note: the note under a table says the table has no data (「故本表无数据」,
// 「本表为空表」, 「无此项」 — the template's wording for an empty 政府性基金 or 三公 table) while
// the table carries amounts. Either the note was kept from the template or last year's report, or
// the amounts are in the wrong table: the statement and the table cannot both be right.
#pragma once

#include "fincheck/rule.hpp"

namespace fincheck::structure {

class EmptyTableNoteRule final : public Rule {
public:
    EmptyTableNoteRule();
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
};

}  // namespace fincheck::structure
