// Listings of what is installed, from metadata alone: nothing is run. Used by
// `fincheck rules` and `fincheck plugins`, and by anything that documents rules.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/plugin_loader.hpp"
#include "fincheck/engine/rule_registry.hpp"

namespace fincheck::engine {

// Every rule with id, default severity, category, titles, options and defaults, plugin;
// then the plugins that failed to load.
std::string write_rule_catalog_text(const RuleRegistry& registry, const PluginSet& plugins, Language language);
std::string write_rule_catalog_xml(const RuleRegistry& registry, const PluginSet& plugins);

// Loaded plugins (file, name, version, SDK version, ABI, rule count), the directories that
// were searched, and the files that failed to load with the reason.
std::string write_plugin_list_text(const PluginSet& plugins, const std::vector<std::filesystem::path>& search_dirs,
                                   Language language);

}  // namespace fincheck::engine
