// Shared helpers: the repository's packs as a library, the pack plugins as tests build them.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "fincheck/plugin.hpp"
#include "fincheck/testing.hpp"
#include "fincheck/rulepacks/pack_plugin.hpp"

namespace fincheck::rulepacks::testing {

inline std::filesystem::path pack_dir() { return RULEPACKS_PACK_DIR; }
// Packs that only tests load (packs/wuhan.xml).
inline std::filesystem::path test_pack_dir() { return RULEPACKS_TEST_PACK_DIR; }
// The region list (regions/), as the build stages it into share/fincheck.
inline std::filesystem::path data_dir() { return RULEPACKS_DATA_DIR; }

inline const RuleFamily kArith{"arith", "arith-"};
inline const RuleFamily kXtab{"xtab", "xtab-"};

// What the host gives a pack plugin: the repository's packs and region list.
inline PluginEnvironment environment(std::map<std::string, std::string> settings = {},
                                     std::vector<std::filesystem::path> extra_packs = {}) {
    PluginEnvironment env;
    env.data_dirs = {data_dir()};
    env.rule_packs = {pack_dir() / "national.xml", pack_dir() / "shanghai.xml"};
    env.rule_packs.insert(env.rule_packs.end(), extra_packs.begin(), extra_packs.end());
    env.settings = std::move(settings);
    return env;
}

// The pack rules of both families, each created by its own PackPlugin as the arith and xtab
// plugins create them (without arith's generic sums, which plugins/arith tests).
class PackPlugins final : public Plugin {
public:
    explicit PackPlugins(const PluginEnvironment& env)
        : arith_(std::make_unique<PackPlugin>(kArith, env)), xtab_(std::make_unique<PackPlugin>(kXtab, env)) {}
    std::vector<const Rule*> rules() const override {
        std::vector<const Rule*> out = arith_->rules();
        for (const Rule* r : xtab_->rules()) out.push_back(r);
        return out;
    }

private:
    std::unique_ptr<Plugin> arith_;
    std::unique_ptr<Plugin> xtab_;
};

inline std::unique_ptr<Plugin> make_pack_plugins(std::map<std::string, std::string> settings = {},
                                                 std::vector<std::filesystem::path> extra_packs = {}) {
    return std::make_unique<PackPlugins>(environment(std::move(settings), std::move(extra_packs)));
}

inline const Rule& rule_of(const Plugin& plugin, std::string_view id) {
    for (const Rule* r : plugin.rules())
        if (r->meta().id == id) return *r;
    throw std::runtime_error("no rule " + std::string(id));
}

inline std::vector<std::string> locations(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(fincheck::testing::location_key(f));
    return out;
}

}  // namespace fincheck::rulepacks::testing
