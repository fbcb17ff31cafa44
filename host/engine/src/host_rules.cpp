#include "fincheck/engine/host_rules.hpp"

namespace fincheck::engine {

const RuleMeta& internal_rule_error_meta() {
    static const RuleMeta meta = [] {
        RuleMeta m;
        m.id = std::string(kInternalRuleError);
        m.version = "1";
        m.title_zh = "规则执行出错";
        m.title_en = "A rule failed while running";
        m.category = "host";
        m.default_severity = Severity::error;
        m.messages = {
            {"threw", "插件 {plugin} 的规则 {rule} 执行出错：{what}。该规则对本报告的检查不完整。",
             "Rule {rule} of plugin {plugin} failed: {what}. Its check of this report is incomplete."}};
        m.docs = "docs/audit-format.md#internal-rule-error";
        return m;
    }();
    return meta;
}

const std::vector<RuleMeta>& host_rule_metas() {
    static const std::vector<RuleMeta> metas{internal_rule_error_meta()};
    return metas;
}

}  // namespace fincheck::engine
