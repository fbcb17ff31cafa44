// arith-total-below-part: a total smaller than one of its own parts: a misread, not a sum. The
// relations are found by the table's shape and judged with the interval reading of rounding by
// the sum machinery the five arith- sum rules share (src/generic/sum_rules.hpp); this file says
// which outcome the rule reports and how.
#include <memory>
#include <optional>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "generic/sum_rules.hpp"

FINCHECK_RULE(arith_total_below_part, fincheck::PluginEnvironment) {
    using namespace fincheck;
    return std::make_unique<arith::SumRule>(
        RuleMetaBuilder("arith-total-below-part", "arithmetic")
            .title("合计小于其最大组成项（疑似错读）",
                   "A total smaller than its largest part (likely misread)")
            .severity(Severity::warning)
            .message("default",
                     "{table}表「{row}」{kind}·{column} 为 {actual}，小于其组成项中的最大值 {largest}：疑似数值错读、错列或跨页错位，而非计算错误",
                     "Table {table}, {kind_en} \"{row}\", column {column} is {actual}, smaller than its largest part {largest}: most likely a misread or shifted value, not an arithmetic error")
            .page_in("plugins/arith")
            .build(),
        arith::SumRule::Outcome::below_part, std::nullopt);
}
