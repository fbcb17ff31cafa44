// A fincheck subcommand. Each lives in its own file under commands/ and is registered by
// one line in src/command_list.cpp; main() parses, sets up logging, then runs the one the
// user picked.
#pragma once

#include <memory>
#include <vector>

namespace CLI {
class App;
}

namespace fincheck::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;        // nothing at or above the --fail-on threshold
inline constexpr int kExitFindings = 1;  // findings at or above the threshold
inline constexpr int kExitUsage = 2;     // usage, input, config or output error

class Command {
public:
    virtual ~Command() = default;
    // Adds the subcommand and its options to `root` and returns it.
    virtual CLI::App* attach(CLI::App& root) = 0;
    // Runs after a successful parse when this subcommand was chosen; returns the exit code.
    virtual int run() = 0;
};

using CommandFactory = std::unique_ptr<Command> (*)();

// Every registered command, in the order they appear in --help.
const std::vector<CommandFactory>& command_factories();

}  // namespace fincheck::cli
