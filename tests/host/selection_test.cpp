#include <gtest/gtest.h>

#include "fincheck/engine/glob.hpp"
#include "fincheck/engine/rule_selection.hpp"
#include "test_support.hpp"

namespace fincheck::engine {
namespace {

TEST(Glob, MatchesStarAndQuestionMark) {
    EXPECT_TRUE(glob_match("arith-*", "arith-row-total"));
    EXPECT_TRUE(glob_match("*", "anything"));
    EXPECT_TRUE(glob_match("*-total", "arith-row-total"));
    EXPECT_TRUE(glob_match("years-?itle", "years-title"));
    EXPECT_TRUE(glob_match("a*b*c", "axxbyyc"));
    EXPECT_FALSE(glob_match("arith-*", "years-title"));
    EXPECT_FALSE(glob_match("arith", "arith-row-total"));
    EXPECT_FALSE(glob_match("a*b*c", "axxbyy"));
}

std::vector<RuleMeta> metas_named(std::initializer_list<const char*> ids) {
    std::vector<RuleMeta> metas;
    for (const char* id : ids) {
        RuleMeta meta;
        meta.id = id;
        metas.push_back(meta);
    }
    return metas;
}

std::vector<std::string> enabled_after(const std::vector<std::string>& lists) {
    static const std::vector<RuleMeta> metas = metas_named({"arith-col", "arith-row", "years-title", "narrative-x"});
    std::vector<RuleEntry> entries;
    for (const RuleMeta& meta : metas) entries.push_back({&meta, nullptr, "p"});
    std::vector<bool> enabled(entries.size(), true);
    for (const std::string& list : lists) apply_selection(list, entries, enabled);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (enabled[i]) ids.push_back(entries[i].meta->id);
    return ids;
}

TEST(RuleSelection, EmptySelectionEnablesEverything) {
    EXPECT_EQ(enabled_after({""}).size(), 4u);
}

TEST(RuleSelection, PositiveFirstEntryStartsFromNothing) {
    EXPECT_EQ(enabled_after({"arith-*"}), (std::vector<std::string>{"arith-col", "arith-row"}));
}

TEST(RuleSelection, NegativeFirstEntryStartsFromWhatCameBefore) {
    EXPECT_EQ(enabled_after({"-years-*"}), (std::vector<std::string>{"arith-col", "arith-row", "narrative-x"}));
}

TEST(RuleSelection, LaterEntriesWin) {
    EXPECT_EQ(enabled_after({"arith-*,-arith-row"}), (std::vector<std::string>{"arith-col"}));
    EXPECT_EQ(enabled_after({"-*,years-*,-years-title,narrative-x"}), (std::vector<std::string>{"narrative-x"}));
}

TEST(RuleSelection, CommandLineListAppliesAfterTheConfigsList) {
    EXPECT_EQ(enabled_after({"arith-*", "-arith-col"}), (std::vector<std::string>{"arith-row"}));
    EXPECT_EQ(enabled_after({"arith-*", "years-*"}), (std::vector<std::string>{"years-title"}));
}

TEST(RulePlan, ConfigOverridesSeverityAndOptionsAndTolerance) {
    PluginSet plugins = test::load_plugins({FINCHECK_TEST_PLUGIN_GOOD});
    RuleRegistry registry = RuleRegistry::build(plugins);
    ConfigResult parsed = parse_config(R"(<fincheck>
  <tolerance half-unit="0.05" extra="0.01"/>
  <rule id="test-*" severity="warning"/>
  <rule id="test-echo"><option name="greeting" value="hi"/></rule>
</fincheck>)",
                                       "fincheck.xml");
    ASSERT_TRUE(parsed.config) << parsed.error->to_string();
    PlanResult planned = make_plan(registry, *parsed.config, "");
    ASSERT_TRUE(planned.plan) << planned.error->to_string();
    const AuditPlan& plan = *planned.plan;
    EXPECT_EQ(plan.tolerance.half_unit, Decimal::from_units(50'000));
    EXPECT_EQ(plan.tolerance.extra, Decimal::from_units(10'000));
    const RulePlan* echo = plan.find("test-echo");
    ASSERT_NE(echo, nullptr);
    EXPECT_EQ(echo->severity, Severity::warning);
    EXPECT_TRUE(echo->severity_overridden);
    EXPECT_EQ(echo->options.at("greeting"), "hi");
    EXPECT_TRUE(echo->option_configured.at("greeting"));
    EXPECT_EQ(echo->options.at("repeat"), "1");
    EXPECT_FALSE(echo->option_configured.at("repeat"));
    EXPECT_EQ(plan.find("internal-rule-error")->severity, Severity::error);
}

TEST(RulePlan, SelectionNeverDisablesTheHostsInternalRuleError) {
    PluginSet plugins = test::load_plugins({FINCHECK_TEST_PLUGIN_GOOD});
    RuleRegistry registry = RuleRegistry::build(plugins);
    PlanResult planned = make_plan(registry, Config{}, "test-echo");
    ASSERT_TRUE(planned.plan);
    EXPECT_TRUE(planned.plan->find("test-echo")->enabled);
    EXPECT_FALSE(planned.plan->find("test-blank-total")->enabled);
    EXPECT_TRUE(planned.plan->find("internal-rule-error")->enabled);
}

TEST(RulePlan, AnOptionTheRuleDoesNotDeclareIsAnErrorAtItsLine) {
    PluginSet plugins = test::load_plugins({FINCHECK_TEST_PLUGIN_GOOD});
    RuleRegistry registry = RuleRegistry::build(plugins);
    ConfigResult parsed = parse_config("<fincheck>\n  <rule id=\"test-echo\">\n    <option name=\"greting\" value=\"x\"/>\n"
                                       "  </rule>\n</fincheck>\n",
                                       "/cfg/fincheck.xml");
    ASSERT_TRUE(parsed.config);
    PlanResult planned = make_plan(registry, *parsed.config, "");
    ASSERT_TRUE(planned.error);
    EXPECT_EQ(planned.error->file, "/cfg/fincheck.xml");
    EXPECT_EQ(planned.error->line, 3u);
    EXPECT_EQ(planned.error->column, 5u);
    EXPECT_NE(planned.error->message.find("greting"), std::string::npos);
}

TEST(RulePlan, AnOptionValueOfTheWrongTypeIsAnError) {
    PluginSet plugins = test::load_plugins({FINCHECK_TEST_PLUGIN_GOOD});
    RuleRegistry registry = RuleRegistry::build(plugins);
    ConfigResult parsed =
        parse_config("<fincheck><rule id=\"test-echo\"><option name=\"repeat\" value=\"two\"/></rule></fincheck>", "f.xml");
    ASSERT_TRUE(parsed.config);
    PlanResult planned = make_plan(registry, *parsed.config, "");
    ASSERT_TRUE(planned.error);
    EXPECT_NE(planned.error->message.find("integer"), std::string::npos);
}

PlanResult plan_of(const std::string& config_text, std::string_view cli_selection) {
    static PluginSet plugins = test::load_plugins({FINCHECK_TEST_PLUGIN_GOOD});
    static const RuleRegistry registry = RuleRegistry::build(plugins);
    ConfigResult parsed = parse_config(config_text, "/cfg/fincheck.xml");
    EXPECT_TRUE(parsed.config) << parsed.error->to_string();
    return make_plan(registry, parsed.config ? *parsed.config : Config{}, cli_selection);
}

TEST(RulePlan, ACommandLineSelectionThatMatchesNothingIsAnError) {
    PlanResult planned = plan_of("<fincheck/>", "test-echo,nosuch-*");
    ASSERT_TRUE(planned.error);
    EXPECT_EQ(planned.error->to_string().rfind("--rules: ", 0), 0u) << planned.error->to_string();
    EXPECT_NE(planned.error->message.find("nosuch-*"), std::string::npos) << planned.error->message;
    EXPECT_TRUE(plan_of("<fincheck/>", "test-echo,-test-blank-total").plan);
}

TEST(RulePlan, ANegativeEntryThatMatchesNothingIsAnErrorToo) {
    PlanResult planned = plan_of("<fincheck/>", "-test-ecko");
    ASSERT_TRUE(planned.error);
    EXPECT_NE(planned.error->message.find("did you mean test-echo?"), std::string::npos) << planned.error->message;
}

TEST(RulePlan, AConfigSelectionThatMatchesNothingIsAnErrorAtItsLine) {
    PlanResult planned = plan_of("<fincheck>\n\n  <rules select=\"test-*,arith-*\"/>\n</fincheck>\n", "");
    ASSERT_TRUE(planned.error);
    EXPECT_EQ(planned.error->line, 3u);
    EXPECT_EQ(planned.error->column, 3u);
    EXPECT_NE(planned.error->message.find("arith-*"), std::string::npos);
}

TEST(RulePlan, ARuleIdThatMatchesNoRuleIsAnErrorWithTheNearestId) {
    PlanResult planned = plan_of("<fincheck>\n  <rule id=\"test-blank-totl\" enabled=\"false\"/>\n</fincheck>\n", "");
    ASSERT_TRUE(planned.error);
    EXPECT_EQ(planned.error->to_string().rfind("/cfg/fincheck.xml:2:3: ", 0), 0u) << planned.error->to_string();
    EXPECT_NE(planned.error->message.find("did you mean test-blank-total?"), std::string::npos) << planned.error->message;
}

}  // namespace
}  // namespace fincheck::engine
