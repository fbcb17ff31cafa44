// A rule file named after one id whose rule has another: the generated make_rules() must refuse
// it, naming this file, so a rule's page and fixtures can never sit under the wrong id.
#include <memory>

#include <fincheck/plugin.hpp>
#include <fincheck/rule.hpp>
#include <fincheck/rule_file.hpp>
#include <fincheck/rule_meta.hpp>

namespace example {
namespace {

class OtherIdRule final : public fincheck::Rule {
public:
    OtherIdRule()
        : meta_(fincheck::RuleMetaBuilder("example-other-id", "arithmetic")
                    .title("另一规则标识", "Another rule id")
                    .message("never", "从不报告", "never reported")
                    .page_in("")
                    .build()) {}
    const fincheck::RuleMeta& meta() const override { return meta_; }
    void check(const fincheck::Report&, const fincheck::RuleContext&, fincheck::FindingSink&) const override {}

private:
    fincheck::RuleMeta meta_;
};

}  // namespace
}  // namespace example

FINCHECK_RULE(example_misnamed, fincheck::PluginEnvironment) { return std::make_unique<example::OtherIdRule>(); }
