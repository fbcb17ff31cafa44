// Plugin names that no longer exist, and what a configuration writes instead. A config that
// still names one would otherwise configure nothing (settings) or disable nothing (enabled),
// and its audit would quietly differ from what it says.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace fincheck::engine {

// For a <plugin> element naming a retired plugin: the error message, zh-CN then English,
// with the element rewritten for the plugins that replace it. nullopt for any other name.
std::optional<std::string> retired_plugin_message(pugi::xml_node plugin);

// The first of `files` that is a retired plugin's library (fincheck_tables.so left in a plugin
// folder by an install over an older prefix): the message naming it and what replaced it.
// Never loaded: its rules would be defined twice, or, alone, run under the old name.
std::optional<std::string> retired_plugin_file_message(const std::vector<std::filesystem::path>& files);

}  // namespace fincheck::engine
