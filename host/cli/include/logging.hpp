// Logging is configured once, here at the edge (spdlog lives in logging.cpp only); the
// engine and the plugins receive a fincheck::Log and never touch global state.
#pragma once

#include <string>

#include "fincheck/rule.hpp"

namespace fincheck::cli {

// verbosity 0: warnings and errors to stderr; 1 (-v): info; 2+ (-vv): debug.
// A non-empty `log_file` also receives every message at debug level. Returns false (and
// says why on stderr) when the log file cannot be opened.
bool setup_logging(int verbosity, const std::string& log_file);

// The thread-safe Log handed to the engine.
const Log& host_log();

}  // namespace fincheck::cli
