// The plugin's one exported symbol: a descriptor naming the plugin and the SDK/ABI versions it
// was built with, and a factory that hands the host its rules.
#include <memory>
#include <vector>

#include <fincheck/plugin.hpp>

#include "negative_amount_rule.hpp"

namespace example {

namespace {

class ExamplePlugin final : public fincheck::Plugin {
public:
    std::vector<const fincheck::Rule*> rules() const override { return {&negative_amount_}; }

private:
    NegativeAmountRule negative_amount_;
};

std::unique_ptr<fincheck::Plugin> create_plugin(const fincheck::PluginEnvironment& /*environment*/) {
    return std::make_unique<ExamplePlugin>();
}

}  // namespace

}  // namespace example

FINCHECK_PLUGIN("example", "1.0.0", "示例规则：标准表中的负数金额 (example: negative amounts)",
                &example::create_plugin)
