// The arith plugin: the arith- rules of the rule packs plus the generic sum rules. Exposed (not
// only through the plugin entry point) so tests can build it in-process.
#pragma once

#include <memory>

#include "fincheck/plugin.hpp"

namespace fincheck::arith {

std::unique_ptr<Plugin> create_arith_plugin(const PluginEnvironment& environment);

}  // namespace fincheck::arith
