// fincheck rules: list every rule from metadata alone; nothing is run.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "engine_options.hpp"
#include "fincheck/engine/catalog.hpp"

namespace fincheck::cli {
namespace {

class RulesCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command = root.add_subcommand("rules", "列出全部规则 / list every rule");
        command->add_option("--format", format_, "输出格式 / output format")
            ->check(CLI::IsMember({"text", "xml"}))
            ->capture_default_str();
        lang_.add_to(*command);
        options_.add_to(*command, false);
        return command;
    }

    int run() override {
        std::unique_ptr<engine::Engine> engine = options_.create_engine(std::filesystem::current_path(), true);
        if (!engine) return kExitUsage;
        const engine::Engine& e = *engine;
        std::cout << (format_ == "xml" ? engine::write_rule_catalog_xml(e.registry(), e.plugins())
                                       : engine::write_rule_catalog_text(e.registry(), e.plugins(), lang_.language()));
        return listing_exit_code(engine->plugins());
    }

private:
    std::string format_ = "text";
    LanguageOption lang_;
    EngineCliOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_rules_command() { return std::make_unique<RulesCommand>(); }

}  // namespace fincheck::cli
