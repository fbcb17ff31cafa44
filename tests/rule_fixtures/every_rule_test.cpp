// Every rule the built plugins register, loaded as `fincheck check` loads them: its page and
// its fixture folder exist beside its plugin and every fixture matches its annotations. A
// rule is found by the loader, never listed here, so none can be left out.
#include <gtest/gtest.h>

#include <stdexcept>

#include "fincheck/engine/host_rules.hpp"
#include "loaded_rules.hpp"
#include "rule_folders.hpp"
#include "rule_index.hpp"

namespace fincheck::rule_fixtures {
namespace {

const std::filesystem::path kSource = FINCHECK_SOURCE_DIR;

const engine::Engine& built_plugins() {
    static const LoadedRules loaded = load_plugins(FINCHECK_PLUGIN_BUILD_DIR);
    if (!loaded.engine) throw std::runtime_error("the built plugins do not load: " + loaded.error);
    return *loaded.engine;
}

struct PluginRule {
    std::string plugin;
    std::string id;
};

// Names the rule in a failure instead of dumping the struct's bytes.
void PrintTo(const PluginRule& rule, std::ostream* out) { *out << rule.plugin << '/' << rule.id; }

std::vector<PluginRule> every_plugin_rule() {
    std::vector<PluginRule> out;
    for (const engine::RuleEntry& entry : built_plugins().registry().entries())
        if (entry.rule != nullptr) out.push_back({entry.plugin, entry.meta->id});
    return out;
}

class EveryRule : public ::testing::TestWithParam<PluginRule> {};

TEST_P(EveryRule, HasItsPageAndMatchesEveryFixture) {
    const engine::RuleEntry* entry = built_plugins().registry().find(GetParam().id);
    ASSERT_NE(entry, nullptr);
    const engine::LoadedPlugin* plugin = built_plugins().plugins().find(entry->plugin);
    ASSERT_NE(plugin, nullptr);
    int fixtures_run = 0;
    for (const std::string& problem : check_rule(*entry->rule, kSource / home_of(*entry), rule_ids(*plugin), &fixtures_run))
        ADD_FAILURE() << problem;
    EXPECT_GE(fixtures_run, 1);
}

INSTANTIATE_TEST_SUITE_P(BuiltPlugins, EveryRule, ::testing::ValuesIn(every_plugin_rule()),
                         [](const ::testing::TestParamInfo<PluginRule>& param_info) {
                             std::string name = param_info.param.id;
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

TEST(EveryRule, TheBuiltPluginsAreAllLoaded) {
    for (const char* plugin : {"structure", "narrative", "arith", "xtab", "years"})
        EXPECT_NE(built_plugins().plugins().find(plugin), nullptr) << plugin;
    EXPECT_TRUE(built_plugins().plugins().issues().empty());
    EXPECT_GE(every_plugin_rule().size(), 57u);
}

// The importer's diagnostics are not rules a report runs through (tests/import covers them),
// but each has its page, and nothing else sits in a plugin's rules/ or fixtures/.
TEST(EveryRule, ImportDiagnosticsHaveTheirPages) {
    int diagnostics = 0;
    for (const engine::RuleEntry& entry : built_plugins().registry().entries()) {
        if (entry.plugin != engine::kImportPluginName) continue;
        ++diagnostics;
        const auto page = kSource / home_of(entry) / "rules" / (entry.meta->id + ".md");
        EXPECT_TRUE(std::filesystem::is_regular_file(page)) << entry.meta->id << ": no page at " << page;
    }
    EXPECT_GE(diagnostics, 1);
}

// The arith and xtab rules are arithmetic: each also shows where it must stay silent (rounding
// tails, relations that do not apply), as its generator writes them.
TEST(EveryRule, EveryArithAndXtabRuleHasAMustNotFireFixture) {
    for (const char* name : {"arith", "xtab"}) {
        const engine::LoadedPlugin* plugin = built_plugins().plugins().find(name);
        ASSERT_NE(plugin, nullptr) << name;
        EXPECT_FALSE(rule_ids(*plugin).empty()) << name;
        for (const std::string& id : rule_ids(*plugin)) {
            const auto folder = kSource / "plugins" / name / "fixtures" / id;
            bool silent = false;
            if (std::filesystem::is_directory(folder))
                for (const auto& entry : std::filesystem::directory_iterator(folder))
                    silent = silent || entry.path().filename().string().starts_with(kSilentPrefix);
            EXPECT_TRUE(silent) << id << ": no silent*.xml in " << folder;
        }
    }
}

TEST(EveryRule, NoPageOrFixtureFolderOutlivesItsRule) {
    for (const engine::LoadedPlugin& plugin : built_plugins().plugins().plugins())
        for (const std::string& orphan : orphans(kSource / "plugins" / plugin.name, rule_ids(plugin)))
            ADD_FAILURE() << orphan;
}

}  // namespace
}  // namespace fincheck::rule_fixtures
