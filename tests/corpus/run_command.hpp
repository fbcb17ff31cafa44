// The exit status of a shell command the corpus tests run (the fincheck CLI), or -1 when it
// did not exit normally.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>

namespace fincheck::corpus {

inline int run_command(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace fincheck::corpus
