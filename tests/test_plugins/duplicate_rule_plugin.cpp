// A plugin that declares a rule id another plugin (test_good) already provides, next to a
// rule of its own. The duplicate is skipped and reported; its own rule still loads.
#include <memory>

#include "fincheck/fincheck.hpp"
#include "named_rule.hpp"

namespace {

using namespace fincheck;
using test_plugins::NamedRule;

class DuplicatePlugin final : public Plugin {
public:
    std::vector<const Rule*> rules() const override { return {&duplicate_, &own_}; }

private:
    NamedRule duplicate_{"test-blank-total"};
    NamedRule own_{"test-unique"};
};

std::unique_ptr<Plugin> create_plugin(const PluginEnvironment&) { return std::make_unique<DuplicatePlugin>(); }

}  // namespace

FINCHECK_PLUGIN("test-duplicate", "0.1.0", "重复规则 / duplicate rule id", &create_plugin)
