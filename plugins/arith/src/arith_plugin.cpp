#include "arith_plugin.hpp"

#include "fincheck/rulepacks/pack_plugin.hpp"
#include "make_rules.hpp"

namespace fincheck::arith {

std::unique_ptr<Plugin> create_arith_plugin(const PluginEnvironment& environment) {
    return std::make_unique<rulepacks::PackPlugin>(rulepacks::RuleFamily{"arith", "arith-"}, environment,
                                                   make_rules(environment));
}

}  // namespace fincheck::arith
