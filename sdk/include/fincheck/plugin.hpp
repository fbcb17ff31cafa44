// The plugin boundary: one entry point, exported by a fixed alias, that hands the host a
// versioned descriptor. The descriptor's leading fields are plain integers so the host can
// compare ABI versions before it touches anything whose layout could have changed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/dll/alias.hpp>

#include "fincheck/explanation.hpp"
#include "fincheck/rule.hpp"
#include "fincheck/version.hpp"

namespace fincheck {

// What the host tells a plugin when it creates it.
struct PluginEnvironment {
    // Directories that hold data files (rule packs, lexicons): the installed share
    // directory and the source tree's, plus any the user added.
    std::vector<std::filesystem::path> data_dirs;
    // Rule-pack files selected with --rulepack or the config file, in order.
    std::vector<std::filesystem::path> rule_packs;
    // Free-form settings from the config file's <plugin name="…"> element.
    std::map<std::string, std::string> settings;
    const Log* log = nullptr;
};

class Plugin {
public:
    virtual ~Plugin() = default;
    // The rules this plugin provides; the pointers stay valid as long as the plugin lives.
    virtual std::vector<const Rule*> rules() const = 0;
    // Since ABI 1.1, and only ever added to at the end: the host calls it only on a plugin whose
    // descriptor says abi_minor >= 1, because an ABI 1.0 plugin's vtable has no such slot (or
    // has one of its own there). What this plugin decides for `report` before its rules run.
    virtual ReportExplanation explain(const Report& /*report*/) const { return {}; }
};

inline constexpr std::uint32_t kPluginMagic = 0x46434b50;  // "FCKP"

struct PluginDescriptor {
    std::uint32_t magic;      // kPluginMagic
    std::uint32_t abi_major;  // FINCHECK_ABI_MAJOR the plugin was built with
    std::uint32_t abi_minor;
    const char* sdk_version;  // FINCHECK_SDK_VERSION the plugin was built with
    const char* name;         // short name: arith, xtab, narrative, years …
    const char* version;      // the plugin's own version
    const char* description;
    // Creates the plugin. May throw; the host reports the message and skips the plugin.
    std::unique_ptr<Plugin> (*create)(const PluginEnvironment& environment);
};

using PluginEntryPoint = const PluginDescriptor*();

}  // namespace fincheck

// The one symbol a plugin exports. Declare it once per plugin:
//   FINCHECK_PLUGIN("xtab", "1.0.0", "表间勾稽关系", &create_xtab_plugin)
#define FINCHECK_PLUGIN_ENTRY_ALIAS fincheck_plugin_v1

#define FINCHECK_PLUGIN(plugin_name, plugin_version, plugin_description, create_function)   \
    namespace fincheck_plugin_export {                                                      \
    inline const ::fincheck::PluginDescriptor* descriptor() {                               \
        static const ::fincheck::PluginDescriptor d{                                        \
            ::fincheck::kPluginMagic, FINCHECK_ABI_MAJOR, FINCHECK_ABI_MINOR,               \
            FINCHECK_SDK_VERSION,     plugin_name,        plugin_version,                   \
            plugin_description,       create_function};                                     \
        return &d;                                                                          \
    }                                                                                       \
    }                                                                                       \
    BOOST_DLL_ALIAS(fincheck_plugin_export::descriptor, fincheck_plugin_v1)
