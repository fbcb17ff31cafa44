// Issue #15's acceptance test: a rule added from the SDK template is three files, a rule file
// rules/<id>.cpp, its page rules/<id>.md and its fixture folder fixtures/<id>/ (added_rule/).
// The plugin built from the template's unchanged src/plugin.cpp and fincheck_add_rules() over
// the template's rules folder and added_rule/rules (CMakeLists.txt) lists the new rule beside
// the template's, the driver finds its page, and its fixtures run and match. A rule file whose
// rule has another id stops the plugin from starting, naming the file (misnamed_rule/).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "loaded_rules.hpp"
#include "rule_folders.hpp"

namespace fincheck::rule_fixtures {
namespace {

namespace fs = std::filesystem;

const fs::path kTemplate = fs::path(FINCHECK_SOURCE_DIR) / "sdk" / "template";
const fs::path kAdded = fs::path(FINCHECK_SOURCE_DIR) / "tests" / "rule_fixtures" / "added_rule";
constexpr std::string_view kAddedId = "example-unrounded-amount";
constexpr std::string_view kTemplateId = "example-negative-amount";

// Every file under `folder`, relative to it, in name order.
std::vector<std::string> files_under(const fs::path& folder) {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), folder).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

const Rule& rule_of(const engine::LoadedPlugin& plugin, std::string_view id) {
    for (const Rule* rule : plugin.rules)
        if (rule->meta().id == id) return *rule;
    throw std::runtime_error("the plugin has no rule " + std::string(id));
}

TEST(AddedRule, IsThreeThingsARuleFileAPageAndAFixtureFolder) {
    const std::string id(kAddedId);
    EXPECT_EQ(files_under(kAdded), (std::vector<std::string>{"fixtures/" + id + "/fires.xml",
                                                             "fixtures/" + id + "/silent.xml",
                                                             "rules/" + id + ".cpp", "rules/" + id + ".md"}));
}

TEST(AddedRule, IsDiscoveredDocumentedAndFixtureTested) {
    const LoadedRules loaded = load_plugins(FINCHECK_ADDED_RULE_PLUGIN_DIR);
    ASSERT_TRUE(loaded.engine) << loaded.error;
    const engine::LoadedPlugin* plugin = loaded.engine->plugins().find("example");
    ASSERT_NE(plugin, nullptr) << "no plugin \"example\" in " FINCHECK_ADDED_RULE_PLUGIN_DIR;

    // Discovered: the template's plugin.cpp, untouched, hands over both rules, in id order.
    const std::vector<std::string> ids = rule_ids(*plugin);
    ASSERT_EQ(ids, (std::vector<std::string>{std::string(kTemplateId), std::string(kAddedId)}));

    // Documented and fixture-tested: the driver that runs every built-in rule finds the page
    // and runs both fixtures, the firing one and the silent one.
    int fixtures_run = 0;
    for (const std::string& problem : check_rule(rule_of(*plugin, kAddedId), kAdded, ids, &fixtures_run))
        ADD_FAILURE() << problem;
    EXPECT_EQ(fixtures_run, 2);
    EXPECT_EQ(rule_of(*plugin, kAddedId).meta().docs, "rules/" + std::string(kAddedId) + ".md");

    // The template's own rule is still there and still passes from its own folder.
    for (const std::string& problem : check_rule(rule_of(*plugin, kTemplateId), kTemplate, ids))
        ADD_FAILURE() << problem;
    EXPECT_TRUE(orphans(kAdded, ids).empty());
}

TEST(AddedRule, AFileWhoseRuleHasAnotherIdStopsThePluginNamingTheFile) {
    const LoadedRules loaded = load_plugins(FINCHECK_MISNAMED_RULE_PLUGIN_DIR);
    EXPECT_FALSE(loaded.engine);
    const std::string file =
        (fs::path(FINCHECK_SOURCE_DIR) / "tests" / "rule_fixtures" / "misnamed_rule" / "rules" / "example-misnamed.cpp")
            .string();
    EXPECT_NE(loaded.error.find("failed to start"), std::string::npos) << loaded.error;
    EXPECT_NE(loaded.error.find(file + ": 规则文件应创建规则 example-misnamed，实际创建 example-other-id"),
              std::string::npos)
        << loaded.error;
    EXPECT_NE(loaded.error.find("makes rule example-other-id"), std::string::npos) << loaded.error;
}

}  // namespace
}  // namespace fincheck::rule_fixtures
