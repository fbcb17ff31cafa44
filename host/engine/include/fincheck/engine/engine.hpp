// The engine as one object: configuration, plugins, rule registry and the effective plan,
// set up once; then audit() any number of reports, from any number of threads.
//
//   auto created = Engine::create(options);           // loads config and plugins
//   if (created.error) …                              // file:line:column: what
//   LoadedInput in = load_input(path);
//   AuditResult r = created.engine->audit(*in.report, std::move(in.diagnostics), in.input);
//   write_file_atomically(out, write_audit_xml(r));
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fincheck/engine/audit.hpp"
#include "fincheck/engine/config.hpp"
#include "fincheck/engine/plugin_loader.hpp"
#include "fincheck/engine/plugin_search.hpp"
#include "fincheck/templates/template.hpp"
#include "fincheck/engine/rule_registry.hpp"
#include "fincheck/engine/rule_selection.hpp"

namespace fincheck::engine {

struct EngineOptions {
    SearchOptions search;
    std::vector<std::filesystem::path> rule_packs;  // --rulepack, after the config's
    std::string rules;                              // --rules, applied after the config
    std::optional<std::filesystem::path> config_file;  // --config
    // Where to start looking for fincheck.xml (upward) when no --config is given; empty:
    // use no config file.
    std::filesystem::path config_search_from;
    const Log* log = nullptr;  // must be thread-safe; null: discard
    // A plugin that fails to load (plugin_loader.hpp: loses_rules) is an error: no run with a
    // silently smaller rule set. The listing commands (rules, plugins) set this to show every
    // problem instead, and exit non-zero themselves.
    bool tolerate_plugin_problems = false;
};

class Engine;

// What an import needs without an audit (`fincheck import`): the configuration's and options'
// data directories and the templates they hold, resolved exactly as Engine::create resolves
// them, so that importing a text and checking it read the same tables.
struct ImportSetup {
    std::vector<std::filesystem::path> data_dirs;
    templates::TemplateSet templates;
};
struct ImportSetupResult {
    std::optional<ImportSetup> setup;
    std::optional<ConfigError> error;  // a bad config file or a template that does not load
};
ImportSetupResult import_setup(const EngineOptions& options);

struct EngineCreation {
    std::unique_ptr<Engine> engine;
    // Bad config file or option, or a plugin that failed to load: no engine. Several plugin
    // problems come as one error whose message has a line per problem.
    std::optional<ConfigError> error;
};

class Engine {
public:
    static EngineCreation create(const EngineOptions& options);

    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const Config& config() const { return config_; }
    const PluginSet& plugins() const { return plugins_; }
    const RuleRegistry& registry() const { return registry_; }
    const AuditPlan& plan() const { return plan_; }
    const std::vector<std::filesystem::path>& plugin_dirs() const { return plugin_dirs_; }
    const std::vector<std::filesystem::path>& data_dirs() const { return data_dirs_; }
    // The report templates the importers read text and PDF input against: the built-in ones and
    // those of the templates/ folder of each data directory (a region is added by a file).
    const templates::TemplateSet& templates() const { return templates_; }
    const Log& log() const { return *log_; }

    // Thread-safe and reentrant: see run_audit().
    AuditResult audit(const Report& report, std::vector<Finding> import_diagnostics = {},
                      const AuditInput& input = {}) const;
    // The audit's header for `report` without running a rule (fincheck explain).
    AuditResult describe(const Report& report, const AuditInput& input = {}) const;

private:
    Engine() = default;

    Config config_;
    std::vector<std::filesystem::path> plugin_dirs_;
    std::vector<std::filesystem::path> data_dirs_;
    templates::TemplateSet templates_;
    PluginSet plugins_;
    RuleRegistry registry_;
    AuditPlan plan_;
    const Log* log_ = nullptr;
};

// A Log that drops everything.
const Log& null_log();

}  // namespace fincheck::engine
