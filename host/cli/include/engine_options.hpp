// Options every auditing command shares (check, and later batch): where plugins, data,
// rule packs and the config come from, and which rules run. Include only from command
// files, which already pay for CLI11.
#pragma once

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/engine/audit_writers.hpp"
#include "fincheck/engine/engine.hpp"
#include "language.hpp"
#include "logging.hpp"

namespace fincheck::cli {

struct EngineCliOptions {
    std::vector<std::string> plugin_dirs;
    std::vector<std::string> data_dirs;
    std::vector<std::string> rule_packs;
    std::string rules;
    std::string config;

    void add_to(CLI::App& command, bool with_rules = true) {
        command.add_option("--plugin-dir", plugin_dirs, "先在此目录查找插件（可重复）/ search plugins here first (repeatable)");
        command.add_option("--data-dir", data_dirs, "插件的附加数据目录（可重复）/ extra data directory for plugins (repeatable)");
        command.add_option("--rulepack", rule_packs, "规则包文件（可重复）/ rule-pack file (repeatable)");
        command.add_option("--config", config, "配置文件，代替向上查找 fincheck.xml / config file instead of the fincheck.xml lookup");
        if (with_rules)
            command.add_option("--rules", rules,
                               "规则选择，如 'arith-*,-years-*'（靠后者优先）/ rule selection globs, later entries win");
    }

    // `config_search_from`: where fincheck.xml is looked up (upward) when --config is absent.
    engine::EngineOptions to_engine_options(const std::filesystem::path& config_search_from) const {
        engine::EngineOptions options;
        for (const std::string& dir : plugin_dirs) options.search.plugin_dirs.emplace_back(dir);
        for (const std::string& dir : data_dirs) options.search.data_dirs.emplace_back(dir);
        for (const std::string& pack : rule_packs) options.rule_packs.emplace_back(std::filesystem::absolute(pack));
        options.rules = rules;
        if (!config.empty()) options.config_file = std::filesystem::path(config);
        options.config_search_from = config_search_from;
        options.log = &host_log();
        return options;
    }

    // Creates the engine, or prints why the configuration is unusable and returns null, so
    // every command reports a bad fincheck.xml the same way (and then exits with kExitUsage).
    // `listing`: a plugin that failed to load is listed by the command, not an error here.
    std::unique_ptr<engine::Engine> create_engine(const std::filesystem::path& config_search_from,
                                                  bool listing = false) const {
        engine::EngineOptions options = to_engine_options(config_search_from);
        options.tolerate_plugin_problems = listing;
        engine::EngineCreation created = engine::Engine::create(options);
        if (!created.engine) std::cerr << "fincheck: " << created.error->to_string() << "\n";
        return std::move(created.engine);
    }
};

// --lang of every command with text output; without it, the language of the locale.
struct LanguageOption {
    std::optional<std::string> value;

    void add_to(CLI::App& command) {
        command.add_option("--lang", value, "输出语言，默认取自 LC_ALL/LC_MESSAGES/LANG（zh* 或未设置为中文）/ "
                                            "output language; default from LC_ALL/LC_MESSAGES/LANG (zh*, C or unset: zh)")
            ->check(CLI::IsMember({"zh", "en"}));
    }
    engine::Language language() const {
        if (!value) return default_language();
        return *value == "en" ? engine::Language::en : engine::Language::zh;
    }
};

// kExitUsage when a plugin failed to load: a listing shows the problem but must not look clean.
inline int listing_exit_code(const engine::PluginSet& plugins) {
    for (const engine::PluginIssue& issue : plugins.issues())
        if (engine::loses_rules(issue.problem)) return kExitUsage;
    return kExitOk;
}

}  // namespace fincheck::cli
