// The one exported symbol of fincheck_xtab.so: the xtab- rules of the rule packs.
#include <memory>

#include "fincheck/plugin.hpp"
#include "fincheck/rulepacks/pack_plugin.hpp"

namespace {

std::unique_ptr<fincheck::Plugin> create_xtab_plugin(const fincheck::PluginEnvironment& environment) {
    return std::make_unique<fincheck::rulepacks::PackPlugin>(fincheck::rulepacks::RuleFamily{"xtab", "xtab-"},
                                                             environment);
}

}  // namespace

FINCHECK_PLUGIN("xtab", "1.0.0", "表间勾稽关系（规则包 xtab-*）The same figure in two tables (the packs' xtab-* rules)",
                &create_xtab_plugin)
