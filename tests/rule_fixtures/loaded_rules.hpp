// The plugins of a folder, loaded as `fincheck check` loads them: the engine's loader, no
// configuration file, the data directory beside the executable. A plugin that fails to load
// is an error, as it is for a run.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "fincheck/engine/engine.hpp"

namespace fincheck::rule_fixtures {

struct LoadedRules {
    std::unique_ptr<engine::Engine> engine;  // keeps the plugins (and their rules) alive
    std::string error;                       // why the engine could not be created
};

LoadedRules load_plugins(const std::filesystem::path& plugin_dir);

// The ids of every rule a loaded plugin registers.
std::vector<std::string> rule_ids(const engine::LoadedPlugin& plugin);

}  // namespace fincheck::rule_fixtures
