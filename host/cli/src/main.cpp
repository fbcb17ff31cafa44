// fincheck: parse the command line, set up logging, run the chosen subcommand.
#include <exception>
#include <iostream>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/engine/audit.hpp"
#include "logging.hpp"

int main(int argc, char** argv) {
    using namespace fincheck::cli;
    CLI::App app{"fincheck — 部门决算公开报告审核 / audits government final-accounts disclosures", "fincheck"};
    app.require_subcommand(1);
    // Global options may also follow the subcommand: `fincheck check r.xml -v`.
    app.fallthrough();
    app.set_version_flag("--version", std::string("fincheck ") + fincheck::engine::tool_version());
    int verbosity = 0;
    std::string log_file;
    app.add_flag("-v,--verbose", verbosity, "更详细的日志（可重复）/ more log output (repeatable)");
    app.add_option("--log-file", log_file, "同时写入日志文件 / also log to this file");

    std::vector<std::unique_ptr<Command>> commands;
    std::vector<CLI::App*> subcommands;
    for (CommandFactory factory : command_factories()) {
        commands.push_back(factory());
        subcommands.push_back(commands.back()->attach(app));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    if (!setup_logging(verbosity, log_file)) return kExitUsage;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (!subcommands[i]->parsed()) continue;
        try {
            return commands[i]->run();
        } catch (const std::exception& e) {
            std::cerr << "fincheck: 错误 / error: " << e.what() << "\n";
            return kExitUsage;
        }
    }
    return kExitUsage;
}
