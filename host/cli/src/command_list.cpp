// The registered subcommands. To add one, write commands/<name>_command.cpp defining
// `std::unique_ptr<Command> make_<name>_command()` and add one X(<name>) line below.
#include "command.hpp"

#define FINCHECK_CLI_COMMANDS(X) \
    X(check)                     \
    X(import)                    \
    X(rules)                     \
    X(plugins)                   \
    X(lint)                      \
    X(explain)                   \
    X(batch)                     \
    X(merge)

namespace fincheck::cli {

#define FINCHECK_DECLARE_COMMAND(name) std::unique_ptr<Command> make_##name##_command();
FINCHECK_CLI_COMMANDS(FINCHECK_DECLARE_COMMAND)
#undef FINCHECK_DECLARE_COMMAND

const std::vector<CommandFactory>& command_factories() {
#define FINCHECK_LIST_COMMAND(name) &make_##name##_command,
    static const std::vector<CommandFactory> factories{FINCHECK_CLI_COMMANDS(FINCHECK_LIST_COMMAND)};
#undef FINCHECK_LIST_COMMAND
    return factories;
}

}  // namespace fincheck::cli
