// Loading rule plugins (Boost.DLL) behind a versioned handshake. A plugin that cannot be
// used is reported (file + what happened) and skipped; the others load regardless. Whether a
// problem stops the run is the engine's decision (engine.hpp: it does, unless the plugin is
// disabled in the configuration).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fincheck/plugin.hpp"

namespace fincheck::engine {

enum class PluginProblem : std::uint8_t {
    not_loadable,     // not a shared object, or missing dependencies
    not_a_plugin,     // a shared object without the fincheck_plugin_v1 alias
    bad_descriptor,   // wrong magic, null fields, entry point threw
    abi_mismatch,     // built for another ABI major
    create_failed,    // the plugin's create() threw or returned nothing
    duplicate_plugin, // another file already provides a plugin of this name
    duplicate_rule,   // a rule id already provided by an earlier plugin (the rule is skipped)
    bad_rule_id,      // a rule id that is not lower-case kebab case (the rule is skipped)
    shadowed,         // same file name found earlier in the search path (file not opened)
    disabled,         // <plugin name=… enabled="false"> in the configuration (never created)
};

// A problem that leaves the run with fewer rules than the search path offers. `shadowed`
// and `disabled` are choices the user made (an earlier --plugin-dir, the configuration).
bool loses_rules(PluginProblem problem);

std::string_view to_string(PluginProblem problem);

struct PluginIssue {
    std::string file;  // file name (never an absolute path: outputs must not vary by machine)
    PluginProblem problem = PluginProblem::not_loadable;
    std::string message;  // zh-CN first, English after " / "
};

struct LoadedPlugin {
    std::filesystem::path path;  // absolute path it was opened from
    std::string file;            // file name
    std::string name;
    std::string version;
    std::string sdk_version;
    std::string description;
    std::uint32_t abi_major = 0;
    std::uint32_t abi_minor = 0;
    std::shared_ptr<Plugin> instance;
    std::vector<const Rule*> rules;  // after duplicate rule ids were removed
};

// The plugins that loaded, and what went wrong with the others. Libraries stay mapped for
// the whole process (see docs/domain.md: objects, type_info and exceptions from a plugin must
// never outlive its code), so a PluginSet is cheap to move and safe to destroy.
class PluginSet {
public:
    const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
    const std::vector<PluginIssue>& issues() const { return issues_; }
    const LoadedPlugin* find(std::string_view name) const;

    // Loads each file in order. `environment_for(name)` gives the environment handed to the
    // plugin called `name` (its settings come from the config file). A plugin for which
    // `is_disabled(name)` holds is recorded as `disabled` and never created.
    static PluginSet load(const std::vector<std::filesystem::path>& files,
                          const std::function<PluginEnvironment(std::string_view plugin_name)>& environment_for,
                          const std::function<bool(std::string_view plugin_name)>& is_disabled = {});

    void add_issue(PluginIssue issue) { issues_.push_back(std::move(issue)); }

private:
    std::vector<LoadedPlugin> plugins_;
    std::vector<PluginIssue> issues_;
};

}  // namespace fincheck::engine
