// arith-total-column: a 合计/小计 column of a non-standard table differs from its siblings. The
// relations are found by the table's shape and judged with the interval reading of rounding by
// the sum machinery the five arith- sum rules share (src/generic/sum_rules.hpp); this file says
// which outcome the rule reports and how.
#include <memory>
#include <optional>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "generic/sum_rules.hpp"

FINCHECK_RULE(arith_total_column, fincheck::PluginEnvironment) {
    using namespace fincheck;
    return std::make_unique<arith::SumRule>(
        RuleMetaBuilder("arith-total-column", "arithmetic")
            .title("合计栏不等于同组各栏之和",
                   "A total column differs from the sum of its sibling columns")
            .severity(Severity::error)
            .message("default",
                     "{table}表「{row}」行的合计栏 {column} 为 {actual}，同组 {parts} 栏之和为 {expected}，差额 {difference} 超出容差 {tolerance}",
                     "Table {table}, row \"{row}\": total column {column} is {actual}, its {parts} sibling columns add up to {expected}; the difference {difference} exceeds the tolerance {tolerance}")
            .page_in("plugins/arith")
            .build(),
        arith::SumRule::Outcome::mismatch, arith::SumKind::column_total);
}
