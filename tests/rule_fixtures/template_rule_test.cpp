// A rule added from the SDK template in its three files (sdk/template: src/, rules/<id>.md,
// fixtures/<id>/), built as a plugin and run through the same driver as the built-in rules:
// it is discovered, documented and fixture-tested, and the driver fails without its page or
// without its fixture folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>

#include "loaded_rules.hpp"
#include "rule_folders.hpp"

namespace fincheck::rule_fixtures {
namespace {

namespace fs = std::filesystem;

const fs::path kTemplate = fs::path(FINCHECK_SOURCE_DIR) / "sdk" / "template";
constexpr std::string_view kRuleId = "example-negative-amount";

struct TemplatePlugin {
    LoadedRules loaded = load_plugins(FINCHECK_TEMPLATE_PLUGIN_DIR);
    const engine::LoadedPlugin& plugin() const {
        if (!loaded.engine) throw std::runtime_error("the template plugin does not load: " + loaded.error);
        const engine::LoadedPlugin* found = loaded.engine->plugins().find("example");
        if (!found) throw std::runtime_error("no plugin \"example\" in " FINCHECK_TEMPLATE_PLUGIN_DIR);
        return *found;
    }
    const Rule& rule() const { return *plugin().rules.at(0); }
};

// A copy of the template's page and fixtures in a scratch folder, to take one away.
fs::path scratch_home(const std::string& name) {
    const fs::path home = fs::path(FINCHECK_TEST_SCRATCH_DIR) / name;
    fs::remove_all(home);
    fs::create_directories(home);
    fs::copy(kTemplate / "rules", home / "rules", fs::copy_options::recursive);
    fs::copy(kTemplate / "fixtures", home / "fixtures", fs::copy_options::recursive);
    return home;
}

bool any_contains(const std::vector<std::string>& problems, const std::string& piece) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(piece) != std::string::npos; });
}

TEST(TemplateRule, IsDiscoveredDocumentedAndFixtureTested) {
    TemplatePlugin example;
    ASSERT_EQ(rule_ids(example.plugin()), std::vector<std::string>{std::string(kRuleId)});
    int fixtures_run = 0;
    const auto problems = check_rule(example.rule(), kTemplate, {}, &fixtures_run);
    for (const std::string& problem : problems) ADD_FAILURE() << problem;
    EXPECT_EQ(fixtures_run, 1);
    EXPECT_TRUE(orphans(kTemplate, rule_ids(example.plugin())).empty());
}

TEST(TemplateRule, FailsWithoutItsPageNamingWhereItBelongs) {
    TemplatePlugin example;
    const fs::path home = scratch_home("no-page");
    ASSERT_TRUE(check_rule(example.rule(), home, {}).empty());
    fs::remove(home / "rules" / "example-negative-amount.md");
    const auto problems = check_rule(example.rule(), home, {});
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(any_contains(problems, "rule example-negative-amount has no doc page: expected " +
                                           (home / "rules" / "example-negative-amount.md").string()))
        << problems[0];
}

TEST(TemplateRule, FailsWithoutItsFixtureFolderAndPointsAFlatFixtureToIt) {
    TemplatePlugin example;
    const fs::path home = scratch_home("flat-fixture");
    const fs::path folder = home / "fixtures" / "example-negative-amount";
    fs::rename(folder / "fires.xml", home / "fixtures" / "example-negative-amount.xml");
    fs::remove(folder);
    const auto problems = check_rule(example.rule(), home, {});
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(any_contains(problems, "has no fixture folder: expected " + folder.string() + "/")) << problems[0];
    EXPECT_TRUE(any_contains(problems, "the flat fixtures/example-negative-amount.xml moves to "
                                       "fixtures/example-negative-amount/fires.xml"))
        << problems[0];
    EXPECT_TRUE(any_contains(orphans(home, {std::string(kRuleId)}), "a flat fixture"));
}

// Writes `xml` as fixture `name` of the scratch home and returns the driver's problems.
std::vector<std::string> problems_with_fixture(const std::string& home_name, const std::string& name,
                                               const std::function<std::string(std::string)>& edit) {
    TemplatePlugin example;
    const fs::path home = scratch_home(home_name);
    const fs::path fires = home / "fixtures" / "example-negative-amount" / "fires.xml";
    std::ifstream in(fires, std::ios::binary);
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    if (name != "fires.xml") fs::remove(fires);
    std::ofstream(home / "fixtures" / "example-negative-amount" / name, std::ios::binary) << edit(xml);
    return check_rule(example.rule(), home, {});
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("fixture lacks " + from);
    return text.replace(at, from.size(), to);
}

TEST(TemplateRule, AnExpectationMustQuoteItsMessageAndTheQuoteMustMatch) {
    const auto unquoted = problems_with_fixture("unquoted", "fires.xml", [](std::string xml) {
        return replaced(xml, "项目支出 \"03表「合计」行「项目支出」栏金额为负数：-5.00\"", "项目支出");
    });
    EXPECT_TRUE(any_contains(unquoted, "expect quotes no message; the finding says \"03表「合计」行「项目支出」栏金额为负数：-5.00\""));
    const auto wrong = problems_with_fixture("wrong-quote", "fires.xml", [](std::string xml) {
        return replaced(xml, "栏金额为负数：-5.00\"", "栏金额为正数：-5.00\"");
    });
    EXPECT_TRUE(any_contains(wrong, "missing finding example-negative-amount @ 03/合计/项目支出 saying"));
    // The English message matches too.
    const auto english = problems_with_fixture("english-quote", "fires.xml", [](std::string xml) {
        return replaced(xml, "\"03表「合计」行「项目支出」栏金额为负数：-5.00\"", "\"holds a negative amount: -5.00\"");
    });
    EXPECT_TRUE(english.empty()) << english.front();
}

TEST(TemplateRule, ASilentFixtureMustNotExpectAndAFiringOneMust) {
    const auto silent_expecting = problems_with_fixture("silent-expecting", "silent.xml", [](std::string xml) { return xml; });
    EXPECT_TRUE(any_contains(silent_expecting, "a silent*.xml fixture must stay silent"));
    EXPECT_TRUE(any_contains(silent_expecting, "holds no fixture where the rule fires"));
}

}  // namespace
}  // namespace fincheck::rule_fixtures
