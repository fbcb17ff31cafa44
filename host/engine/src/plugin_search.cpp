#include "fincheck/engine/plugin_search.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string_view>
#include <system_error>

namespace fincheck::engine {
namespace fs = std::filesystem;

fs::path current_executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path();
}

namespace {

fs::path executable_dir_of(const SearchOptions& options) {
    return options.executable_dir.empty() ? current_executable_dir() : options.executable_dir;
}

fs::path absolute_normal(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    return (ec ? path : absolute).lexically_normal();
}

void split_path_list(std::string_view list, std::vector<fs::path>& out) {
    while (!list.empty()) {
        std::size_t colon = list.find(':');
        std::string_view item = list.substr(0, colon);
        if (!item.empty()) out.push_back(absolute_normal(fs::path(item)));
        if (colon == std::string_view::npos) break;
        list.remove_prefix(colon + 1);
    }
}

bool is_plugin_file_name(const std::string& name) {
    constexpr std::string_view prefix = "fincheck_";
    constexpr std::string_view suffix = ".so";
    return name.size() > prefix.size() + suffix.size() && name.starts_with(prefix) &&
           name.ends_with(suffix);
}

}  // namespace

std::vector<fs::path> plugin_search_dirs(const SearchOptions& options) {
    std::vector<fs::path> dirs;
    for (const fs::path& dir : options.plugin_dirs) dirs.push_back(absolute_normal(dir));
    if (options.use_environment) {
        if (const char* env = std::getenv("FINCHECK_PLUGIN_PATH")) split_path_list(env, dirs);
    }
    if (options.use_default) {
        fs::path exe_dir = executable_dir_of(options);
        if (!exe_dir.empty()) dirs.push_back((exe_dir / ".." / FINCHECK_PLUGIN_SUBDIR).lexically_normal());
    }
    // The same directory named twice is searched once, at its first position.
    std::vector<fs::path> unique;
    for (const fs::path& dir : dirs)
        if (std::find(unique.begin(), unique.end(), dir) == unique.end()) unique.push_back(dir);
    return unique;
}

std::vector<fs::path> data_search_dirs(const SearchOptions& options) {
    std::vector<fs::path> dirs;
    fs::path exe_dir = executable_dir_of(options);
    if (!exe_dir.empty()) dirs.push_back((exe_dir / ".." / FINCHECK_DATA_SUBDIR).lexically_normal());
    for (const fs::path& dir : options.data_dirs) dirs.push_back(absolute_normal(dir));
    return dirs;
}

DiscoveredPlugins discover_plugin_files(const std::vector<fs::path>& dirs) {
    DiscoveredPlugins found;
    std::set<std::string> seen_names;
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        std::vector<fs::path> in_dir;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code type_ec;
            if (it->is_directory(type_ec)) continue;
            if (is_plugin_file_name(it->path().filename().string())) in_dir.push_back(it->path());
        }
        std::sort(in_dir.begin(), in_dir.end(),
                  [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
        for (fs::path& file : in_dir) {
            if (seen_names.insert(file.filename().string()).second)
                found.files.push_back(absolute_normal(file));
            else
                found.shadowed.push_back(absolute_normal(file));
        }
    }
    return found;
}

}  // namespace fincheck::engine
