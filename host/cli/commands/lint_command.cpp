// fincheck lint PATH...: validate rule packs and configs (files or folders of them) before
// use; every problem with file:line and "did you mean", exit 2 on any.
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "engine_options.hpp"
#include "fincheck/engine/lint.hpp"

namespace fincheck::cli {
namespace {

class LintCommand final : public Command {
public:
    CLI::App* attach(CLI::App& root) override {
        CLI::App* command =
            root.add_subcommand("lint", "检查规则包与配置文件 / validate rule packs and config files");
        command->add_option("PATH", paths_, "规则包、配置、地区名称表，或含有它们的目录 / packs, configs, region lists, or folders of them")
            ->required();
        options_.add_to(*command, false);
        return command;
    }

    int run() override {
        std::vector<std::filesystem::path> paths(paths_.begin(), paths_.end());
        // No config lookup: lint checks the files it is given (and --config, if any).
        const engine::LintResult result = engine::lint(paths, options_.to_engine_options({}));
        for (const std::string& problem : result.problems) std::cout << problem << "\n";
        if (!result.ok()) {
            std::cout << "fincheck lint: " << result.files.size()
                      << " 个文件中有上述问题，修正后再运行 / the problems above were found in " << result.files.size()
                      << " file(s); fix them and lint again\n";
            return kExitUsage;
        }
        std::cout << "fincheck lint: " << result.files.size() << " 个文件无误 / file(s) OK\n";
        return kExitOk;
    }

private:
    std::vector<std::string> paths_;
    EngineCliOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_lint_command() { return std::make_unique<LintCommand>(); }

}  // namespace fincheck::cli
