#include "loaded_rules.hpp"

namespace fincheck::rule_fixtures {

LoadedRules load_plugins(const std::filesystem::path& plugin_dir) {
    engine::EngineOptions options;
    options.search.plugin_dirs = {plugin_dir};
    options.search.use_environment = false;  // only this folder's plugins
    options.search.use_default = false;
    // The data directory is the one beside the running test, as for bin/fincheck.
    engine::EngineCreation created = engine::Engine::create(options);
    LoadedRules out;
    if (created.error) out.error = created.error->to_string();
    out.engine = std::move(created.engine);
    return out;
}

std::vector<std::string> rule_ids(const engine::LoadedPlugin& plugin) {
    std::vector<std::string> ids;
    for (const Rule* rule : plugin.rules) ids.push_back(rule->meta().id);
    return ids;
}

}  // namespace fincheck::rule_fixtures
