// arith-blank-total: a total printed blank while its parts carry amounts. The relations are found
// by the table's shape and judged with the interval reading of rounding by the sum machinery the
// five arith- sum rules share (src/generic/sum_rules.hpp); this file says which outcome the rule
// reports and how.
#include <memory>
#include <optional>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "fincheck/rule_meta.hpp"

#include "generic/sum_rules.hpp"

FINCHECK_RULE(arith_blank_total, fincheck::PluginEnvironment) {
    using namespace fincheck;
    return std::make_unique<arith::SumRule>(
        RuleMetaBuilder("arith-blank-total", "arithmetic")
            .title("合计为空而组成项有数",
                   "A total is blank while its parts carry amounts")
            .severity(Severity::error)
            .message("default",
                     "{table}表「{row}」{kind}·{column} 为空，但其组成项合计 {expected}",
                     "Table {table}, {kind_en} \"{row}\", column {column} is blank although its parts add up to {expected}")
            .page_in("plugins/arith")
            .build(),
        arith::SumRule::Outcome::blank_total, std::nullopt);
}
