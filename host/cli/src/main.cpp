// fincheck: parse the command line, set up logging, run the chosen subcommand.
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "fincheck/engine/audit.hpp"
#include "fincheck/version.hpp"
#include "logging.hpp"

namespace {

// First line "fincheck <version>", as help2man and scripts expect; then what a plugin must
// match: the SDK it may be built with and the ABI the host loads.
std::string version_text() {
    return std::string("fincheck ") + fincheck::engine::tool_version() + "\nSDK " + fincheck::kSdkVersion +
           ", plugin ABI " + std::to_string(fincheck::kAbiMajor) + "." + std::to_string(fincheck::kAbiMinor);
}

// The end of --help, and so of the man page (help2man makes each "Heading:" a section).
constexpr const char* kHelpFooter = R"(Exit status:
  0  无达到 --fail-on 级别的发现 / no finding at or above --fail-on (default error)
  1  有此类发现 / such findings
  2  用法、输入、配置或输出错误，消息给出文件、行、列 / usage, input, config or output error;
     the message names the file, line and column

Environment:
  FINCHECK_PLUGIN_PATH  冒号分隔的插件目录，在 --plugin-dir 之后查找 / colon-separated plugin
                        folders, searched after --plugin-dir
  LC_ALL, LC_MESSAGES, LANG
                        无 --lang 时的输出语言：zh*、C、POSIX 或未设置为中文，其他为英文 /
                        output language without --lang: zh*, C, POSIX or unset give Chinese,
                        any other locale English

Files:
  fincheck.xml          配置，从报告所在目录向上查找 / configuration, looked up upwards from
                        the report's folder (docs/configuration.md)

See also:
  每个子命令的选项：fincheck COMMAND --help / each command's options: fincheck COMMAND --help;
  docs/cli.md, installed under share/doc/fincheck)";

}  // namespace

int main(int argc, char** argv) {
    using namespace fincheck::cli;
    CLI::App app{"fincheck — 部门决算公开报告审核 / audits government final-accounts disclosures", "fincheck"};
    app.require_subcommand(1);
    // Global options may also follow the subcommand: `fincheck check r.xml -v`.
    app.fallthrough();
    app.set_version_flag("--version", version_text(), "显示 fincheck、SDK 与插件 ABI 版本 / show the fincheck, SDK and plugin ABI versions");
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
    // After the subcommands, which would otherwise inherit it.
    app.footer(kHelpFooter);

    // No command at all: the usage on stderr and the usage-error status, as git does; a
    // script that forgot its command must not look like a clean audit.
    if (argc <= 1) {
        std::cerr << app.help();
        return kExitUsage;
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
