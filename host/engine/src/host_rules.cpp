#include "fincheck/engine/host_rules.hpp"

#include "fincheck/rule_meta.hpp"

namespace fincheck::engine {

const RuleMeta& internal_rule_error_meta() {
    static const RuleMeta meta =
        RuleMetaBuilder(std::string(kInternalRuleError), "host")
            .title("规则执行出错", "A rule failed while running")
            .message("threw", "插件 {plugin} 的规则 {rule} 执行出错：{what}。该规则对本报告的检查不完整。",
                     "Rule {rule} of plugin {plugin} failed: {what}. Its check of this report is incomplete.")
            .docs("docs/audit-format.md#internal-rule-error")
            .build();
    return meta;
}

const std::vector<RuleMeta>& host_rule_metas() {
    static const std::vector<RuleMeta> metas{internal_rule_error_meta()};
    return metas;
}

}  // namespace fincheck::engine
