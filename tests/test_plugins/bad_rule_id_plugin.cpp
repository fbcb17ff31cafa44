// A plugin whose rule ids break the kebab-case rule in each way a C++ author might: upper
// case, an underscore, a doubled or trailing hyphen, a leading digit, an empty id. Each is
// skipped and reported as bad-rule-id; its one well-formed rule still loads.
#include <memory>
#include <vector>

#include "fincheck/fincheck.hpp"
#include "named_rule.hpp"

namespace {

using namespace fincheck;
using test_plugins::NamedRule;

class BadRuleIdPlugin final : public Plugin {
public:
    std::vector<const Rule*> rules() const override {
        std::vector<const Rule*> out;
        for (const NamedRule& rule : rules_) out.push_back(&rule);
        return out;
    }

private:
    std::vector<NamedRule> rules_{NamedRule("Test-Upper"), NamedRule("test_underscore"), NamedRule("test--double"),
                                  NamedRule("test-trailing-"), NamedRule("9-test"), NamedRule(""),
                                  NamedRule("test-kebab-2")};
};

std::unique_ptr<Plugin> create_plugin(const PluginEnvironment&) { return std::make_unique<BadRuleIdPlugin>(); }

}  // namespace

FINCHECK_PLUGIN("test-bad-rule-id", "0.1.0", "规则标识不合规 / rule ids not in kebab case", &create_plugin)
