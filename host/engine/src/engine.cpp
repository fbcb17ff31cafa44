#include "fincheck/engine/engine.hpp"

#include <algorithm>

#include "fincheck/nearest_name.hpp"
#include "retired_plugins.hpp"

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

// The config file the options name or the lookup finds, if any, into `config`.
std::optional<ConfigError> load_config_to_use(const EngineOptions& options, const Log& log, Config& config) {
    std::optional<fs::path> file = config_to_use(options);
    if (!file) return std::nullopt;
    ConfigResult loaded = load_config(*file);
    if (loaded.error) return std::move(loaded.error);
    config = std::move(*loaded.config);
    log.write(LogLevel::info, "config: " + file->string());
    return std::nullopt;
}

SearchOptions with_config_dirs(SearchOptions search, const Config& config) {
    search.plugin_dirs.insert(search.plugin_dirs.end(), config.plugin_dirs.begin(), config.plugin_dirs.end());
    search.data_dirs.insert(search.data_dirs.end(), config.data_dirs.begin(), config.data_dirs.end());
    return search;
}

// A region's template that does not load would leave its tables unrecognised: fail closed.
std::optional<ConfigError> load_templates(const std::vector<fs::path>& data_dirs, templates::TemplateSet& out) {
    std::vector<templates::TemplateError> errors;
    out = templates::TemplateSet::with_data_dirs(data_dirs, errors);
    if (errors.empty()) return std::nullopt;
    const templates::TemplateError& first = errors.front();
    return ConfigError{first.file, first.position ? first.position->line : 0,
                       first.position ? first.position->column : 0, first.message};
}

// The file a plugin called `name` is built into (fincheck_add_plugin): a disabled plugin's
// file may fail before its descriptor names it.
std::string plugin_file_name(std::string_view name) {
    std::string file = "fincheck_" + std::string(name) + ".so";
    std::replace(file.begin(), file.end(), '-', '_');
    return file;
}

bool file_of_disabled_plugin(const Config& config, const std::string& file) {
    return std::any_of(config.disabled_plugins.begin(), config.disabled_plugins.end(),
                       [&](const std::string& name) { return plugin_file_name(name) == file; });
}

// Every plugin problem that loses rules, one line each, so that one run names them all.
std::optional<ConfigError> plugin_problems(const PluginSet& plugins, const Config& config) {
    std::string message;
    for (const PluginIssue& issue : plugins.issues()) {
        if (!loses_rules(issue.problem) || file_of_disabled_plugin(config, issue.file)) continue;
        if (!message.empty()) message += "\n";
        message += issue.file + " [" + std::string(to_string(issue.problem)) + "]: " + issue.message;
    }
    if (message.empty()) return std::nullopt;
    message += "\n插件加载失败，审核不完整，已停止；修正上述问题，或在配置中以 <plugin name=\"…\" enabled=\"false\"/> "
               "停用该插件 / a plugin failed to load and the audit would be incomplete; fix the problem above or "
               "disable the plugin in the configuration with <plugin name=\"…\" enabled=\"false\"/>";
    return ConfigError{"", 0, 0, std::move(message)};
}

// Settings for a plugin that is not there would be silently ignored.
std::optional<ConfigError> settings_without_plugin(const PluginSet& plugins, const Config& config) {
    std::vector<std::string> names;
    for (const LoadedPlugin& plugin : plugins.plugins()) names.push_back(plugin.name);
    for (const auto& [name, position] : config.plugin_positions) {
        if (plugins.find(name) || config.plugin_disabled(name)) continue;
        const std::string file = plugin_file_name(name);
        if (std::any_of(plugins.issues().begin(), plugins.issues().end(),
                        [&](const PluginIssue& issue) { return issue.file == file; }))
            continue;  // the plugin is there but failed: that problem is reported instead
        return ConfigError{config.file.string(), position.line, position.column,
                           "<plugin name=\"" + name + "\"> 不是已加载的插件" + did_you_mean(name, names) +
                               " / names no loaded plugin"};
    }
    return std::nullopt;
}

}  // namespace

const Log& null_log() {
    static const NullLog log;
    return log;
}

ImportSetupResult import_setup(const EngineOptions& options) {
    Config config;
    if (std::optional<ConfigError> error = load_config_to_use(options, options.log ? *options.log : null_log(), config))
        return {std::nullopt, std::move(error)};
    ImportSetup setup;
    setup.data_dirs = data_search_dirs(with_config_dirs(options.search, config));
    if (std::optional<ConfigError> error = load_templates(setup.data_dirs, setup.templates))
        return {std::nullopt, std::move(error)};
    return {std::move(setup), std::nullopt};
}

EngineCreation Engine::create(const EngineOptions& options) {
    std::unique_ptr<Engine> engine(new Engine());
    engine->log_ = options.log ? options.log : &null_log();

    if (std::optional<ConfigError> error = load_config_to_use(options, *engine->log_, engine->config_))
        return {nullptr, std::move(error)};
    const Config& config = engine->config_;

    const SearchOptions search = with_config_dirs(options.search, config);
    engine->plugin_dirs_ = plugin_search_dirs(search);
    engine->data_dirs_ = data_search_dirs(search);
    if (std::optional<ConfigError> error = load_templates(engine->data_dirs_, engine->templates_))
        return {nullptr, std::move(error)};

    std::vector<fs::path> rule_packs = config.rule_packs;
    rule_packs.insert(rule_packs.end(), options.rule_packs.begin(), options.rule_packs.end());

    DiscoveredPlugins discovered = discover_plugin_files(engine->plugin_dirs_);
    if (std::optional<std::string> retired = retired_plugin_file_message(discovered.files))
        return {nullptr, ConfigError{"", 0, 0, std::move(*retired)}};
    const Engine& self = *engine;
    engine->plugins_ = PluginSet::load(
        discovered.files,
        [&](std::string_view plugin_name) {
            PluginEnvironment environment;
            environment.data_dirs = self.data_dirs_;
            environment.rule_packs = rule_packs;
            if (auto it = config.plugin_settings.find(std::string(plugin_name)); it != config.plugin_settings.end())
                environment.settings = it->second;
            environment.log = self.log_;
            return environment;
        },
        [&](std::string_view plugin_name) { return config.plugin_disabled(plugin_name); });
    for (const fs::path& file : discovered.shadowed)
        engine->plugins_.add_issue({file.filename().string(), PluginProblem::shadowed,
                                    "同名文件已在更靠前的目录中找到，未加载 / a file of the same name was found "
                                    "earlier in the search path; not loaded"});
    if (!options.tolerate_plugin_problems)
        if (std::optional<ConfigError> error = plugin_problems(engine->plugins_, config))
            return {nullptr, std::move(error)};
    for (const PluginIssue& issue : engine->plugins_.issues())
        engine->log_->write(loses_rules(issue.problem) ? LogLevel::warn : LogLevel::info, issue.file + ": " + issue.message);
    if (std::optional<ConfigError> error = settings_without_plugin(engine->plugins_, config))
        return {nullptr, std::move(error)};
    // No plugin at all would audit nothing but the import and look clean. Disabling every
    // plugin in the configuration is a choice; an empty search path is not.
    if (engine->plugins_.plugins().empty() && config.disabled_plugins.empty() && !options.tolerate_plugin_problems) {
        std::string dirs;
        for (const fs::path& dir : engine->plugin_dirs_) dirs += (dirs.empty() ? "" : ", ") + dir.string();
        return {nullptr, ConfigError{"", 0, 0,
                                     "插件搜索路径中没有任何规则插件（" + dirs + "）/ no rule plugin was found in the plugin search path (" +
                                         dirs + "); see `fincheck plugins`"}};
    }
    engine->registry_ = RuleRegistry::build(engine->plugins_);
    PlanResult planned = make_plan(engine->registry_, config, options.rules);
    if (planned.error) return {nullptr, std::move(planned.error)};
    engine->plan_ = std::move(*planned.plan);
    return {std::move(engine), std::nullopt};
}

AuditResult Engine::audit(const Report& report, std::vector<Finding> import_diagnostics,
                          const AuditInput& input) const {
    return run_audit(plan_, plugins_, report, std::move(import_diagnostics), input, *log_);
}

AuditResult Engine::describe(const Report& report, const AuditInput& input) const {
    return describe_audit(plan_, plugins_, report, input);
}

}  // namespace fincheck::engine
