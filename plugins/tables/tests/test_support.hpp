// Shared helpers: the repository's packs as a library, the plugin as tests build it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "fincheck/plugin.hpp"
#include "fincheck/testing.hpp"
#include "tables_plugin.hpp"

namespace fincheck::tables::testing {

inline std::filesystem::path pack_dir() { return TABLES_PACK_DIR; }
inline std::filesystem::path fixture_dir() { return TABLES_FIXTURE_DIR; }
// The plugin's data (regions/), as the build stages it into share/fincheck.
inline std::filesystem::path data_dir() { return TABLES_DATA_DIR; }

// The plugin as the host creates it, with the repository's packs as its data directory.
inline std::unique_ptr<Plugin> make_plugin(std::map<std::string, std::string> settings = {},
                                           std::vector<std::filesystem::path> extra_packs = {}) {
    PluginEnvironment env;
    env.data_dirs = {data_dir()};
    env.rule_packs = {pack_dir() / "national.xml", pack_dir() / "shanghai.xml"};
    env.rule_packs.insert(env.rule_packs.end(), extra_packs.begin(), extra_packs.end());
    env.settings = std::move(settings);
    return create_tables_plugin(env);
}

inline const Rule& rule_of(const Plugin& plugin, std::string_view id) {
    for (const Rule* r : plugin.rules())
        if (r->meta().id == id) return *r;
    throw std::runtime_error("no rule " + std::string(id));
}

inline std::vector<std::string> locations(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(fincheck::testing::location_key(f));
    return out;
}

}  // namespace fincheck::tables::testing
