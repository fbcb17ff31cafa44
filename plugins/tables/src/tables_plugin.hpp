// The tables plugin: the rules of every loaded rule pack plus the generic arithmetic rules.
// Exposed (not only through the plugin entry point) so tests can build it in-process.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fincheck/plugin.hpp"

namespace fincheck::tables {

class PackLibrary;

class TablesPlugin final : public Plugin {
public:
    // Loads packs from environment.data_dirs (rulepacks/*.xml) and environment.rule_packs.
    // Throws std::runtime_error naming file, line and reason when a pack is malformed.
    // Settings: pack=<id> forces a pack for every report instead of automatic selection.
    explicit TablesPlugin(const PluginEnvironment& environment);
    std::vector<const Rule*> rules() const override;
    // The pack chosen for `report` and why, and every pack rule's effective configuration.
    ReportExplanation explain(const Report& report) const override;

private:
    std::shared_ptr<const PackLibrary> library_;
    std::string forced_;
    std::vector<std::unique_ptr<Rule>> rules_;
};

std::unique_ptr<Plugin> create_tables_plugin(const PluginEnvironment& environment);

}  // namespace fincheck::tables
