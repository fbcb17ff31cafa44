#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "fincheck/engine/plugin_loader.hpp"
#include "fincheck/engine/plugin_search.hpp"
#include "fincheck/engine/rule_registry.hpp"
#include "fincheck/import.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

namespace fs = std::filesystem;
using test::load_plugins;

TEST(PluginLoading, LoadsGoodPluginWithItsDescriptorAndRules) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_GOOD});
    ASSERT_TRUE(set.issues().empty()) << set.issues().front().message;
    ASSERT_EQ(set.plugins().size(), 1u);
    const LoadedPlugin& plugin = set.plugins().front();
    EXPECT_EQ(plugin.name, "test-good");
    EXPECT_EQ(plugin.version, "0.1.0");
    EXPECT_EQ(plugin.file, "fincheck_test_good.so");
    EXPECT_EQ(plugin.abi_major, kAbiMajor);
    EXPECT_EQ(plugin.sdk_version, kSdkVersion);
    ASSERT_EQ(plugin.rules.size(), 2u);
    EXPECT_EQ(plugin.rules[0]->meta().id, "test-blank-total");
    EXPECT_EQ(plugin.rules[1]->meta().id, "test-echo");
}

TEST(PluginLoading, RefusesOtherAbiMajorWithAMessageNamingBothVersions) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_WRONG_ABI});
    EXPECT_TRUE(set.plugins().empty());
    ASSERT_EQ(set.issues().size(), 1u);
    const PluginIssue& issue = set.issues().front();
    EXPECT_EQ(issue.problem, PluginProblem::abi_mismatch);
    EXPECT_EQ(issue.file, "fincheck_test_wrong_abi.so");
    EXPECT_NE(issue.message.find("ABI major " + std::to_string(kAbiMajor + 1)), std::string::npos) << issue.message;
    EXPECT_NE(issue.message.find("host speaks ABI " + std::to_string(kAbiMajor) + "."), std::string::npos)
        << issue.message;
}

TEST(PluginLoading, ReportsTextFileNamedLikeAPluginAsNotLoadable) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_JUNK});
    EXPECT_TRUE(set.plugins().empty());
    ASSERT_EQ(set.issues().size(), 1u);
    EXPECT_EQ(set.issues().front().problem, PluginProblem::not_loadable);
    EXPECT_EQ(set.issues().front().file, "fincheck_junk.so");
}

TEST(PluginLoading, ReportsSharedLibraryWithoutTheEntryAliasAsNotAPlugin) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_NO_ALIAS});
    EXPECT_TRUE(set.plugins().empty());
    ASSERT_EQ(set.issues().size(), 1u);
    EXPECT_EQ(set.issues().front().problem, PluginProblem::not_a_plugin);
    EXPECT_NE(set.issues().front().message.find("fincheck_plugin_v1"), std::string::npos);
}

TEST(PluginLoading, ReportsThrowingCreateWithItsMessageAndLoadsTheOthers) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_THROWING_CREATE, FINCHECK_TEST_PLUGIN_GOOD});
    ASSERT_EQ(set.plugins().size(), 1u);
    EXPECT_EQ(set.plugins().front().name, "test-good");
    ASSERT_EQ(set.issues().size(), 1u);
    EXPECT_EQ(set.issues().front().problem, PluginProblem::create_failed);
    EXPECT_EQ(set.issues().front().file, "fincheck_test_throwing_create.so");
    EXPECT_NE(set.issues().front().message.find("lexicon file missing"), std::string::npos);
}

TEST(PluginLoading, SkipsADuplicateRuleIdButKeepsThePluginsOtherRules) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_GOOD, FINCHECK_TEST_PLUGIN_DUPLICATE});
    ASSERT_EQ(set.plugins().size(), 2u);
    const LoadedPlugin* duplicate = set.find("test-duplicate");
    ASSERT_NE(duplicate, nullptr);
    ASSERT_EQ(duplicate->rules.size(), 1u);
    EXPECT_EQ(duplicate->rules.front()->meta().id, "test-unique");
    ASSERT_EQ(set.issues().size(), 1u);
    EXPECT_EQ(set.issues().front().problem, PluginProblem::duplicate_rule);
    EXPECT_EQ(set.issues().front().file, "fincheck_test_zz_duplicate.so");
    EXPECT_NE(set.issues().front().message.find("test-blank-total"), std::string::npos);
}

TEST(PluginLoading, SkipsARuleIdThatIsNotKebabCaseWithABadRuleIdProblem) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_BAD_RULE_ID});
    ASSERT_EQ(set.plugins().size(), 1u);
    const LoadedPlugin& plugin = set.plugins().front();
    ASSERT_EQ(plugin.rules.size(), 1u) << "the well-formed rule still loads";
    EXPECT_EQ(plugin.rules.front()->meta().id, "test-kebab-2");
    std::vector<std::string> rejected;
    for (const PluginIssue& issue : set.issues()) {
        EXPECT_EQ(issue.problem, PluginProblem::bad_rule_id);
        EXPECT_EQ(to_string(issue.problem), "bad-rule-id");
        EXPECT_EQ(issue.file, "fincheck_test_bad_rule_id.so");
        EXPECT_NE(issue.message.find("is not lower-case kebab case"), std::string::npos) << issue.message;
        rejected.push_back(issue.message.substr(0, issue.message.find(" 不是")));
    }
    EXPECT_EQ(rejected, (std::vector<std::string>{"规则标识 \"Test-Upper\"", "规则标识 \"test_underscore\"",
                                                  "规则标识 \"test--double\"", "规则标识 \"test-trailing-\"",
                                                  "规则标识 \"9-test\"", "规则标识 \"\""}));
}

TEST(RuleIds, AcceptOnlyLowerCaseKebabCase) {
    for (const char* good : {"a", "arith-01-class-lines", "xtab-04-08-state-capital", "example-negative-amount", "a1-b2"})
        EXPECT_TRUE(is_rule_id(good)) << good;
    for (const char* bad : {"", "-a", "a-", "a--b", "A", "arith_01", "1-arith", "arith.01", "arith 01", "规则"})
        EXPECT_FALSE(is_rule_id(bad)) << bad;
}

TEST(PluginLoading, LoadsEveryUsablePluginOfTheSearchPathAndReportsEachBadFile) {
    DiscoveredPlugins found = discover_plugin_files({FINCHECK_TEST_PLUGIN_DIR, FINCHECK_TEST_BROKEN_PLUGIN_DIR});
    std::vector<std::string> names;
    for (const fs::path& file : found.files) {
        EXPECT_TRUE(file.is_absolute());
        names.push_back(file.filename().string());
    }
    EXPECT_EQ(names.size(), 7u);

    PluginSet set = load_plugins(found.files);
    std::vector<std::string> loaded;
    for (const LoadedPlugin& plugin : set.plugins()) loaded.push_back(plugin.name);
    EXPECT_EQ(loaded, (std::vector<std::string>{"test-good", "test-throwing-rule", "test-duplicate"}));
    std::vector<std::string> bad;
    for (const PluginIssue& issue : set.issues()) bad.push_back(issue.file);
    EXPECT_EQ(bad, (std::vector<std::string>{"fincheck_junk.so", "fincheck_no_alias.so",
                                             "fincheck_test_throwing_create.so", "fincheck_test_wrong_abi.so",
                                             "fincheck_test_zz_duplicate.so"}));
}

TEST(PluginLoading, ADisabledPluginIsNeverCreated) {
    PluginSet set = engine::PluginSet::load(
        {FINCHECK_TEST_PLUGIN_THROWING_CREATE, FINCHECK_TEST_PLUGIN_GOOD},
        [](std::string_view) { return PluginEnvironment{}; },
        [](std::string_view name) { return name == "test-throwing-create"; });
    ASSERT_EQ(set.plugins().size(), 1u);
    ASSERT_EQ(set.issues().size(), 1u);
    EXPECT_EQ(set.issues().front().problem, PluginProblem::disabled);
    EXPECT_FALSE(loses_rules(PluginProblem::disabled));
    EXPECT_FALSE(loses_rules(PluginProblem::shadowed));
    EXPECT_TRUE(loses_rules(PluginProblem::create_failed));
}

TEST(PluginSearch, SearchesPluginDirsThenEnvironmentThenTheExecutablesLibDir) {
    ::setenv("FINCHECK_PLUGIN_PATH", "/opt/a:/opt/b", 1);
    SearchOptions options;
    options.plugin_dirs = {"/first"};
    options.executable_dir = "/usr/local/bin";
    std::vector<fs::path> dirs = plugin_search_dirs(options);
    ::unsetenv("FINCHECK_PLUGIN_PATH");
    EXPECT_EQ(dirs, (std::vector<fs::path>{"/first", "/opt/a", "/opt/b", "/usr/local/lib/fincheck/plugins"}));
    EXPECT_EQ(data_search_dirs(options), (std::vector<fs::path>{"/usr/local/share/fincheck"}));
}

TEST(PluginSearch, AFileNameFoundEarlierShadowsTheSameNameLater) {
    fs::path first = test::scratch_dir("shadow-first");
    fs::path second = test::scratch_dir("shadow-second");
    test::write_file(first / "fincheck_a.so", "x");
    test::write_file(second / "fincheck_a.so", "x");
    test::write_file(second / "fincheck_b.so", "x");
    test::write_file(second / "libother.so", "x");
    DiscoveredPlugins found = discover_plugin_files({first, second, "/no/such/dir"});
    EXPECT_EQ(found.files, (std::vector<fs::path>{first / "fincheck_a.so", second / "fincheck_b.so"}));
    EXPECT_EQ(found.shadowed, (std::vector<fs::path>{second / "fincheck_a.so"}));
}

TEST(RuleRegistry, ListsPluginRulesWithImporterAndHostRulesSortedById) {
    PluginSet set = load_plugins({FINCHECK_TEST_PLUGIN_GOOD});
    RuleRegistry registry = RuleRegistry::build(set);
    EXPECT_EQ(registry.entries().size(), 2u + import_rule_metas().size() + 1u);
    EXPECT_TRUE(std::is_sorted(registry.entries().begin(), registry.entries().end(),
                               [](const RuleEntry& a, const RuleEntry& b) { return a.meta->id < b.meta->id; }));
    const RuleEntry* blank = registry.find("test-blank-total");
    ASSERT_NE(blank, nullptr);
    EXPECT_EQ(blank->plugin, "test-good");
    const RuleEntry* internal = registry.find("internal-rule-error");
    ASSERT_NE(internal, nullptr);
    EXPECT_EQ(internal->rule, nullptr);
    EXPECT_EQ(internal->plugin, "host");
}

}  // namespace
}  // namespace fincheck::engine
