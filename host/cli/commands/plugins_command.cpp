// fincheck plugins: which plugins loaded, from where, and why the others did not.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "engine_options.hpp"
#include "fincheck/engine/catalog.hpp"

namespace fincheck::cli {
namespace {

class PluginsCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("plugins", "列出插件及加载问题 / list plugins and load problems");
        lang_.add_to(*command);
        options_.add_to(*command, false);
        return command;
    }

    int run() override {
        std::unique_ptr<engine::Engine> engine = options_.create_engine(std::filesystem::current_path(), true);
        if (!engine) return kExitUsage;
        std::cout << engine::write_plugin_list_text(engine->plugins(), engine->plugin_dirs(),
                                                    lang_.language());
        return listing_exit_code(engine->plugins());
    }

private:
    LanguageOption lang_;
    EngineCliOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_plugins_command() { return std::make_unique<PluginsCommand>(); }

}  // namespace fincheck::cli
