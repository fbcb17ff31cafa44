// arith-code-subtotal: a 类/款 (or economic class) row differs from its code children. The
// relations are found by the table's shape and judged with the interval reading of rounding by
// the sum machinery the five arith- sum rules share (src/generic/sum_rules.hpp); this file says
// which outcome the rule reports and how.
#include <memory>
#include <optional>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "generic/sum_rules.hpp"

FINCHECK_RULE(arith_code_subtotal, fincheck::PluginEnvironment) {
    using namespace fincheck;
    return std::make_unique<arith::SumRule>(
        RuleMetaBuilder("arith-code-subtotal", "arithmetic")
            .title("类/款科目行不等于其下级科目之和",
                   "A class or item code row differs from the sum of its sub-codes")
            .severity(Severity::error)
            .message("default",
                     "{table}表科目「{row}」·{column} 为 {actual}，其 {parts} 个下级科目之和为 {expected}，差额 {difference} 超出容差 {tolerance}",
                     "Table {table}, code row \"{row}\", column {column}: printed {actual}, its {parts} sub-codes add up to {expected}; the difference {difference} exceeds the tolerance {tolerance}")
            .page_in("plugins/arith")
            .build(),
        arith::SumRule::Outcome::mismatch, arith::SumKind::code_subtotal);
}
