#include "fincheck/engine/plugin_loader.hpp"

#include <exception>
#include <mutex>
#include <set>
#include <string>
#include <system_error>

#include <boost/dll/import.hpp>
#include <boost/dll/shared_library.hpp>

namespace fincheck::engine {
namespace fs = std::filesystem;

std::string_view to_string(PluginProblem problem) {
    switch (problem) {
        case PluginProblem::not_loadable: return "not-loadable";
        case PluginProblem::not_a_plugin: return "not-a-plugin";
        case PluginProblem::bad_descriptor: return "bad-descriptor";
        case PluginProblem::abi_mismatch: return "abi-mismatch";
        case PluginProblem::create_failed: return "create-failed";
        case PluginProblem::duplicate_plugin: return "duplicate-plugin";
        case PluginProblem::duplicate_rule: return "duplicate-rule";
        case PluginProblem::bad_rule_id: return "bad-rule-id";
        case PluginProblem::disabled: return "disabled";
        case PluginProblem::shadowed: break;
    }
    return "shadowed";
}

bool loses_rules(PluginProblem problem) {
    return problem != PluginProblem::shadowed && problem != PluginProblem::disabled;
}

const LoadedPlugin* PluginSet::find(std::string_view name) const {
    for (const LoadedPlugin& plugin : plugins_)
        if (plugin.name == name) return &plugin;
    return nullptr;
}

namespace {

// The alias FINCHECK_PLUGIN exports (FINCHECK_PLUGIN_ENTRY_ALIAS in plugin.hpp).
constexpr const char* kEntryAlias = "fincheck_plugin_v1";

// Every library ever opened stays mapped until the process exits: deliberately leaked so
// that no static destructor unmaps code that a plugin object, a std::function or an
// exception in flight may still need.
void keep_loaded_forever(const boost::dll::shared_library& library) {
    static std::mutex mutex;
    static auto* libraries = new std::vector<boost::dll::shared_library>();
    std::lock_guard lock(mutex);
    libraries->push_back(library);
}

std::string describe_exception(std::exception_ptr error) {
    try {
        std::rethrow_exception(std::move(error));
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "非标准异常 / non-standard exception";
    }
}

struct Handshake {
    const PluginDescriptor* descriptor = nullptr;
    std::optional<PluginIssue> issue;
};

Handshake open_and_handshake(const fs::path& path) {
    const std::string file = path.filename().string();
    auto fail = [&](PluginProblem problem, std::string message) {
        return Handshake{nullptr, PluginIssue{file, problem, std::move(message)}};
    };

    boost::dll::fs::error_code ec;
    boost::dll::shared_library library(path, ec, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    if (ec || !library.is_loaded())
        return fail(PluginProblem::not_loadable,
                    // Boost.DLL's error code says little ("Bad file descriptor"); name the likely causes.
                    "无法作为共享库加载（不是共享库，或缺少依赖）/ cannot be loaded as a shared library "
                    "(not a shared object, or a dependency is missing)");
    if (!library.has(kEntryAlias))
        return fail(PluginProblem::not_a_plugin,
                    std::string("不是 fincheck 插件（缺少入口 ") + kEntryAlias +
                        "）/ not a fincheck plugin (no " + kEntryAlias + " entry point)");
    keep_loaded_forever(library);

    const PluginDescriptor* descriptor = nullptr;
    try {
        auto entry = boost::dll::import_alias<PluginEntryPoint>(library, kEntryAlias);
        descriptor = entry();
    } catch (...) {
        return fail(PluginProblem::bad_descriptor,
                    "读取插件描述失败 / reading the plugin descriptor failed: " +
                        describe_exception(std::current_exception()));
    }
    // Only the two leading integers are read before the versions are known to match: the
    // rest of the layout may differ in another ABI.
    if (descriptor == nullptr || descriptor->magic != kPluginMagic)
        return fail(PluginProblem::bad_descriptor,
                    "插件描述的魔数不符 / the plugin descriptor has the wrong magic number");
    if (descriptor->abi_major != kAbiMajor)
        return fail(PluginProblem::abi_mismatch,
                    "插件按 ABI " + std::to_string(descriptor->abi_major) + ".x 构建，宿主使用 ABI " +
                        std::to_string(kAbiMajor) + "." + std::to_string(kAbiMinor) +
                        "，请按当前 SDK 重新构建 / plugin built for ABI major " +
                        std::to_string(descriptor->abi_major) + ", host speaks ABI " +
                        std::to_string(kAbiMajor) + "." + std::to_string(kAbiMinor) +
                        " (SDK " + kSdkVersion + "); rebuild it against this SDK");
    if (descriptor->name == nullptr || *descriptor->name == '\0' || descriptor->create == nullptr)
        return fail(PluginProblem::bad_descriptor,
                    "插件描述缺少名称或 create 函数 / the plugin descriptor lacks a name or a create function");
    return Handshake{descriptor, std::nullopt};
}

std::string or_empty(const char* text) { return text ? text : ""; }

}  // namespace

PluginSet PluginSet::load(const std::vector<fs::path>& files,
                          const std::function<PluginEnvironment(std::string_view)>& environment_for,
                          const std::function<bool(std::string_view)>& is_disabled) {
    PluginSet set;
    std::set<std::string> rule_ids;
    for (const fs::path& path : files) {
        Handshake handshake = open_and_handshake(path);
        if (handshake.issue) {
            set.issues_.push_back(std::move(*handshake.issue));
            continue;
        }
        const PluginDescriptor& descriptor = *handshake.descriptor;
        LoadedPlugin plugin;
        plugin.path = path;
        plugin.file = path.filename().string();
        plugin.name = descriptor.name;
        plugin.version = or_empty(descriptor.version);
        plugin.sdk_version = or_empty(descriptor.sdk_version);
        plugin.description = or_empty(descriptor.description);
        plugin.abi_major = descriptor.abi_major;
        plugin.abi_minor = descriptor.abi_minor;

        if (is_disabled && is_disabled(plugin.name)) {
            set.issues_.push_back({plugin.file, PluginProblem::disabled,
                                   "配置已停用插件 " + plugin.name + " / plugin " + plugin.name +
                                       " is disabled by the configuration"});
            continue;
        }
        if (set.find(plugin.name) != nullptr) {
            set.issues_.push_back({plugin.file, PluginProblem::duplicate_plugin,
                                   "插件名 " + plugin.name + " 已由其他文件提供，跳过 / a plugin named " +
                                       plugin.name + " is already loaded from another file; skipped"});
            continue;
        }
        std::vector<const Rule*> rules;
        try {
            std::unique_ptr<Plugin> created = descriptor.create(environment_for(plugin.name));
            if (!created) throw std::runtime_error("create() returned null");
            rules = created->rules();
            plugin.instance = std::move(created);
        } catch (...) {
            set.issues_.push_back({plugin.file, PluginProblem::create_failed,
                                   "插件 " + plugin.name + " 初始化失败 / plugin " + plugin.name +
                                       " failed to start: " + describe_exception(std::current_exception())});
            continue;
        }
        for (const Rule* rule : rules) {
            if (rule == nullptr) continue;
            const std::string& id = rule->meta().id;
            if (!is_rule_id(id)) {
                // Rule ids are config keys, glob targets and rule page names (plugins/<plugin>/rules/<id>.md): one spelling.
                set.issues_.push_back({plugin.file, PluginProblem::bad_rule_id,
                                       "规则标识 \"" + id + "\" 不是小写连字符格式（如 arith-row-total），已跳过 / rule id \"" +
                                           id + "\" is not lower-case kebab case ([a-z][a-z0-9]*(-[a-z0-9]+)*, e.g. "
                                                "arith-row-total); skipped"});
                continue;
            }
            if (!rule_ids.insert(id).second) {
                set.issues_.push_back({plugin.file, PluginProblem::duplicate_rule,
                                       "规则 " + id + " 重复定义，忽略此插件中的这一条 / rule " + id +
                                           " is already defined by another plugin; this one is skipped"});
                continue;
            }
            plugin.rules.push_back(rule);
        }
        set.plugins_.push_back(std::move(plugin));
    }
    return set;
}

}  // namespace fincheck::engine
