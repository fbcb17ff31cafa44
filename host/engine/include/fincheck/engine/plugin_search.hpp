// Where plugins and data are looked for. Order matters: a plugin file name found in an
// earlier directory shadows the same name further down the list.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fincheck::engine {

struct SearchOptions {
    std::vector<std::filesystem::path> plugin_dirs;  // --plugin-dir, in order
    bool use_environment = true;                     // FINCHECK_PLUGIN_PATH (colon-separated)
    bool use_default = true;                         // <exe dir>/../lib/fincheck/plugins
    std::vector<std::filesystem::path> data_dirs;    // --data-dir, after the default one
    // Directory of the running executable; empty means "ask the system" (/proc/self/exe).
    std::filesystem::path executable_dir;
};

// The directory holding the running executable (via /proc/self/exe), or empty if unknown.
std::filesystem::path current_executable_dir();

// The plugin directories in search order: --plugin-dir, FINCHECK_PLUGIN_PATH, default.
std::vector<std::filesystem::path> plugin_search_dirs(const SearchOptions& options);

// The data directories handed to plugins: <exe dir>/../share/fincheck, then --data-dir.
std::vector<std::filesystem::path> data_search_dirs(const SearchOptions& options);

// fincheck_*.so files in each directory, sorted by name within a directory, directories in
// order; absolute paths. A missing directory is skipped silently (the default one need not
// exist). A file name already seen in an earlier directory is left out and reported in
// `shadowed`.
struct DiscoveredPlugins {
    std::vector<std::filesystem::path> files;
    std::vector<std::filesystem::path> shadowed;
};
DiscoveredPlugins discover_plugin_files(const std::vector<std::filesystem::path>& dirs);

}  // namespace fincheck::engine
