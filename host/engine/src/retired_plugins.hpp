// Plugin names that no longer exist, and what a configuration writes instead. A config that
// still names one would otherwise configure nothing (settings) or disable nothing (enabled),
// and its audit would quietly differ from what it says.
#pragma once

#include <optional>
#include <string>

#include <pugixml.hpp>

namespace fincheck::engine {

// For a <plugin> element naming a retired plugin: the error message, zh-CN then English,
// with the element rewritten for the plugins that replace it. nullopt for any other name.
std::optional<std::string> retired_plugin_message(pugi::xml_node plugin);

}  // namespace fincheck::engine
