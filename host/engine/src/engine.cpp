#include "fincheck/engine/engine.hpp"

namespace fincheck::engine {
namespace fs = std::filesystem;

namespace {

class NullLog final : public Log {
public:
    void write(LogLevel, std::string_view) const override {}
};

std::optional<fs::path> config_to_use(const EngineOptions& options) {
    if (options.config_file) return options.config_file;
    if (options.config_search_from.empty()) return std::nullopt;
    return find_config(options.config_search_from);
}

}  // namespace

const Log& null_log() {
    static const NullLog log;
    return log;
}

EngineCreation Engine::create(const EngineOptions& options) {
    std::unique_ptr<Engine> engine(new Engine());
    engine->log_ = options.log ? options.log : &null_log();

    if (std::optional<fs::path> file = config_to_use(options)) {
        ConfigResult loaded = load_config(*file);
        if (loaded.error) return {nullptr, std::move(loaded.error)};
        engine->config_ = std::move(*loaded.config);
        engine->log_->write(LogLevel::info, "config: " + file->string());
    }
    const Config& config = engine->config_;

    SearchOptions search = options.search;
    search.plugin_dirs.insert(search.plugin_dirs.end(), config.plugin_dirs.begin(), config.plugin_dirs.end());
    search.data_dirs.insert(search.data_dirs.end(), config.data_dirs.begin(), config.data_dirs.end());
    engine->plugin_dirs_ = plugin_search_dirs(search);
    engine->data_dirs_ = data_search_dirs(search);

    std::vector<fs::path> rule_packs = config.rule_packs;
    rule_packs.insert(rule_packs.end(), options.rule_packs.begin(), options.rule_packs.end());

    DiscoveredPlugins discovered = discover_plugin_files(engine->plugin_dirs_);
    const Engine& self = *engine;
    engine->plugins_ = PluginSet::load(discovered.files, [&](std::string_view plugin_name) {
        PluginEnvironment environment;
        environment.data_dirs = self.data_dirs_;
        environment.rule_packs = rule_packs;
        if (auto it = config.plugin_settings.find(std::string(plugin_name)); it != config.plugin_settings.end())
            environment.settings = it->second;
        environment.log = self.log_;
        return environment;
    });
    for (const fs::path& file : discovered.shadowed)
        engine->plugins_.add_issue({file.filename().string(), PluginProblem::shadowed,
                                    "同名文件已在更靠前的目录中找到，未加载 / a file of the same name was found "
                                    "earlier in the search path; not loaded"});
    engine->registry_ = RuleRegistry::build(engine->plugins_);
    for (const PluginIssue& issue : engine->plugins_.issues())
        engine->log_->write(LogLevel::warn, issue.file + ": " + issue.message);
    PlanResult planned = make_plan(engine->registry_, config, options.rules);
    if (planned.error) return {nullptr, std::move(planned.error)};
    engine->plan_ = std::move(*planned.plan);
    for (const std::string& warning : engine->plan_.warnings) engine->log_->write(LogLevel::warn, warning);
    return {std::move(engine), std::nullopt};
}

AuditResult Engine::audit(const Report& report, std::vector<Finding> import_diagnostics,
                          const AuditInput& input) const {
    return run_audit(plan_, plugins_, report, std::move(import_diagnostics), input, *log_);
}

}  // namespace fincheck::engine
