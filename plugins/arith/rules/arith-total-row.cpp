// arith-total-row: a 合计/总计/小计 row differs from the rows it closes. The relations are found by the
// table's shape and judged with the interval reading of rounding by the sum machinery the five
// arith- sum rules share (src/generic/sum_rules.hpp); this file says which outcome the rule
// reports and how.
#include <memory>
#include <optional>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "generic/sum_rules.hpp"

FINCHECK_RULE(arith_total_row, fincheck::PluginEnvironment) {
    using namespace fincheck;
    return std::make_unique<arith::SumRule>(
        RuleMetaBuilder("arith-total-row", "arithmetic")
            .title("合计行不等于其各组成行之和",
                   "A total row differs from the sum of its rows")
            .severity(Severity::error)
            .message("default",
                     "{table}表「{row}」{kind}·{column} 为 {actual}，其 {parts} 个组成项之和为 {expected}，差额 {difference} 超出容差 {tolerance}",
                     "Table {table}, {kind_en} \"{row}\", column {column}: printed {actual}, its {parts} parts add up to {expected}; the difference {difference} exceeds the tolerance {tolerance}")
            .page_in("plugins/arith")
            .build(),
        arith::SumRule::Outcome::mismatch, arith::SumKind::row_total);
}
