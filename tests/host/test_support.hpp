// Shared helpers for the host tests: in-memory reports, engine options that see only the
// test plugins, a scratch directory.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fincheck/engine/engine.hpp"
#include "fincheck/report.hpp"

namespace fincheck::test {

// A report with table 03 whose 合计 row is blank while two item rows carry numbers
// (test-blank-total fires once), and table 09 whose 合计 is filled (it must not fire).
Report report_with_blank_total();

// Options that load exactly `files`' directories' plugins: no environment, no default dir.
engine::EngineOptions options_for_dir(const std::filesystem::path& plugin_dir, std::string rules = {});

// The usable test plugins and the broken ones, their problems tolerated (as the listing
// commands do), so that the writers have load problems to show.
engine::EngineOptions options_with_load_problems();

// A fresh, empty directory under the build tree for this test.
std::filesystem::path scratch_dir(const std::string& name);

std::string read_file(const std::filesystem::path& file);
void write_file(const std::filesystem::path& file, const std::string& content);

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string quote(const std::string& text);  // for the shell: 'text'

// Runs the built fincheck binary with `args` (already quoted) in `cwd` (empty: the test's
// own), the environment's plugin path and locale cleared so the result does not depend on the
// caller's shell, and `environment` (VAR=value …) set on top. `name` picks a scratch directory
// for the output: ctest runs tests in parallel. A run that hangs (an input that blocks) is
// killed after 60 s and fails its test with exit code 124.
CliRun run_fincheck(const std::string& args, const std::string& name, const std::filesystem::path& cwd = {},
                    const std::string& environment = {});

// Runs a shell command line, its standard output and error captured (scratch directory `name`).
CliRun run_command(const std::string& command, const std::string& name);

// Loads these plugin files directly (no discovery).
engine::PluginSet load_plugins(const std::vector<std::filesystem::path>& files);

}  // namespace fincheck::test
