// Every rule the host knows: the plugins' rules, the importer's diagnostics and the host's
// own, listable from metadata alone without running anything.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fincheck/engine/plugin_loader.hpp"
#include "fincheck/rule.hpp"

namespace fincheck::engine {

struct RuleEntry {
    const RuleMeta* meta = nullptr;
    const Rule* rule = nullptr;  // null for diagnostics reported by the importer or the host
    std::string plugin;          // plugin name, "import" or "host"
};

class RuleRegistry {
public:
    // Builds the registry from the loaded plugins plus the importer's and host's metas. A
    // plugin rule whose id clashes with an importer or host id is skipped and reported into
    // `plugins`' issues.
    static RuleRegistry build(PluginSet& plugins);

    // Sorted by rule id.
    const std::vector<RuleEntry>& entries() const { return entries_; }
    const RuleEntry* find(std::string_view id) const;

private:
    std::vector<RuleEntry> entries_;
};

}  // namespace fincheck::engine
