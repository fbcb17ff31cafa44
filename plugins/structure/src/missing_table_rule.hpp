// structure-missing-table: every table the report's template requires is present; a table
// printed empty carries a note saying why (「本部门无…，故本表无数据」); and an empty 07 or 08
// is consistent only if the matching fund column of 04 is empty too; and, in a report that names
// its template, a table half the template prints with every functional class has all of them.
#pragma once

#include "fincheck/rule.hpp"
#include "table_requirements.hpp"

namespace fincheck::structure {

class MissingTableRule final : public Rule {
public:
    explicit MissingTableRule(TableRequirements requirements);
    const RuleMeta& meta() const override { return meta_; }
    void check(const Report& report, const RuleContext& context, FindingSink& sink) const override;

private:
    RuleMeta meta_;
    TableRequirements requirements_;
};

// True when no cell of the table holds a non-zero number.
bool printed_empty(const Table& table);
// True when `text` explains why a table has no data (无…支出, 没有…, 不涉及, 无数据 …).
bool explains_empty_table(std::string_view text);

}  // namespace fincheck::structure
