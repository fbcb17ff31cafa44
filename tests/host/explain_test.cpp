// fincheck explain, and the audit header it shares: what was detected, which rule pack was
// chosen and why, and every rule's effective state, severity and tolerance with its source,
// in agreement with the findings a check actually produces.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include <pugixml.hpp>

#include "fincheck/engine/effective_config.hpp"
#include "fincheck/engine/rule_selection.hpp"
#include "test_support.hpp"

// A namespace of its own: the host tests are one unity translation unit.
namespace fincheck::explain_test {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
using test::quote;

CliRun fincheck(const std::string& args) {
    return test::run_fincheck(args, ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

const std::string kSample = quote(std::string(FINCHECK_SOURCE_DIR) + "/examples/sample-report-2024.xml");
// A report whose region, 上海市普陀区, selects the Shanghai pack.
const std::string kShanghai =
    quote(std::string(FINCHECK_SOURCE_DIR) + "/plugins/arith/fixtures/arith-04-closing-split/silent-shanghai.xml");

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void expect_all(const std::string& out, std::initializer_list<const char*> parts) {
    for (const char* part : parts) EXPECT_TRUE(has(out, part)) << "missing: " << part << "\n" << out;
}

// The <configuration> element of an audit report or an explanation, as bytes.
std::string configuration_of(const std::string& xml) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml.c_str())) << xml.substr(0, 200);
    pugi::xml_node configuration = doc.select_node("//configuration").node();
    EXPECT_TRUE(configuration);
    std::ostringstream out;
    configuration.print(out);
    return std::move(out).str();
}

TEST(Explain, SampleReportShowsWhatWasDetectedTheFallbackPackAndEveryRule) {
    CliRun run = fincheck("explain " + kSample);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    expect_all(run.out, {"地区：示例省示例市示范区", "级别：区县级（district）", "模板：national", "年度：2024",
                         // Both pack plugins choose the same pack: one line says so for both.
                         "  [arith, xtab] 没有规则包的 <applies> 与本报告相符，使用兜底根规则包 national (national.xml:",
                         "arith-01-grand-totals [arith]  启用（内置默认）  级别 error（规则包 national.xml:",
                         // A rule only the Shanghai pack defines does not run on a national report.
                         "arith-08-balance [arith]  停用（所选规则包不含此规则 national.xml:",
                         "internal-rule-error [host]  启用"});

    CliRun english = fincheck("explain " + kSample + " --lang en");
    ASSERT_EQ(english.exit_code, 0) << english.err;
    EXPECT_TRUE(has(english.out, "region: 示例省示例市示范区")) << english.out;
    EXPECT_TRUE(has(english.out, "the fallback root pack national (national.xml:")) << english.out;
    EXPECT_TRUE(has(english.out, "tolerance half-unit 0.005 (built-in default), extra 0 (built-in default)")) << english.out;
}

TEST(Explain, EnglishIsTheDefaultUnderAnEnglishLocale) {
    CliRun run = test::run_fincheck("explain " + kSample, "explain-locale", {}, "LANG=en_GB.UTF-8");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(has(run.out, "Rule packs")) << run.out;
}

TEST(Explain, ShanghaiReportGetsTheShanghaiPackByItsRegionAndItsDisable) {
    CliRun run = fincheck("explain " + kShanghai + " --lang en");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    expect_all(run.out, {"region: 上海市普陀区", "pack shanghai (shanghai.xml:",
                         "the region 上海市普陀区 starts with region-prefix 上海市",
                         "extends: national (national.xml:8) → shanghai (shanghai.xml:",
                         "arith-04-closing-split [arith]  disabled (pack shanghai.xml:",
                         "arith-08-balance [arith]  enabled",
                         // The Shanghai pack makes arith-07-balance an error; national has it as a warning.
                         "arith-07-balance [arith]  enabled (built-in default)  severity error (pack shanghai.xml:"});
}

// Each pack plugin has its own settings: forcing a pack on arith leaves xtab's choice alone,
// and explain names which plugin chose what.
TEST(Explain, APackForcedByThePluginSettingSaysSo) {
    const fs::path dir = test::scratch_dir("explain-forced-pack");
    test::write_file(dir / "fincheck.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<fincheck version="1">
  <plugin name="arith"><setting name="pack" value="shanghai"/></plugin>
</fincheck>
)");
    CliRun run = fincheck("explain " + kSample + " --lang en --config " + quote((dir / "fincheck.xml").string()));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    expect_all(run.out, {"  [arith] pack shanghai (shanghai.xml:9) is forced by the plugin setting pack=shanghai",
                         "  [xtab] no pack's <applies> matches this report, so the fallback root pack national",
                         "arith-04-closing-split [arith]  disabled (pack shanghai.xml:"});
    EXPECT_FALSE(has(run.out, "[arith, xtab]")) << run.out;
}

TEST(Explain, CheckLogsThePackEachReportGetsAtDebugLevel) {
    CliRun run = fincheck("check " + kShanghai + " -vv --fail-on none");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(has(run.err, "xtab: pack shanghai (shanghai.xml:9) is selected by its <match>")) << run.err;
    CliRun quiet = fincheck("check " + kShanghai + " --fail-on none");
    EXPECT_FALSE(has(quiet.err, "is selected by its <match>")) << quiet.err;
}

TEST(Explain, XmlIsTheAuditHeadersConfigurationByteForByte) {
    CliRun explained = fincheck("explain " + kShanghai + " --format xml");
    ASSERT_EQ(explained.exit_code, 0) << explained.err;
    EXPECT_TRUE(has(explained.out, "<report region=\"上海市普陀区\"")) << explained.out;
    CliRun checked = fincheck("check " + kShanghai + " --format xml --fail-on none");
    ASSERT_EQ(checked.exit_code, 0) << checked.err;
    EXPECT_EQ(configuration_of(explained.out), configuration_of(checked.out));
}

TEST(Explain, UnreadableReportExitsTwo) {
    CliRun run = fincheck("explain " + quote(std::string(FINCHECK_TEST_DATA_DIR) + "/no-such-report.xml"));
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(has(run.err, "no-such-report.xml")) << run.err;
}

// A district pack that disables one rule and overrides another's severity and tolerance:
// explain, the audit header and the findings must all say the same.
class PackDecisions : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::scratch_dir("explain-pack-decisions");
        test::write_file(dir_ / "demo.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<rulepack id="demo" version="1.0.0" extends="national">
  <title zh="示范区补充规则" en="Demo district additions"/>
  <applies><match template="national"/></applies>
  <disable rule="arith-01-class-lines"/>
  <override rule="arith-01-grand-totals" severity="warning">
    <tolerance extra="0.01"/>
  </override>
</rulepack>
)");
        pack_ = " --rulepack " + quote((dir_ / "demo.xml").string());
    }

    fs::path dir_;
    std::string pack_;
};

pugi::xml_node rule_in_header(const pugi::xml_document& doc, const std::string& id) {
    return doc.select_node(("//configuration/rule[@id='" + id + "']").c_str()).node();
}

std::vector<pugi::xml_node> findings_of(const pugi::xml_document& doc, const std::string& id) {
    std::vector<pugi::xml_node> out;
    for (const pugi::xpath_node& n : doc.select_nodes(("//findings/finding[@rule='" + id + "']").c_str()))
        out.push_back(n.node());
    return out;
}

TEST_F(PackDecisions, ExplainTheAuditHeaderAndTheFindingsAgree) {
    // Without the pack both rules fire on the sample report, at error: the test can fail.
    CliRun plain = fincheck("check " + kSample + " --format xml --fail-on none");
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    pugi::xml_document before;
    ASSERT_TRUE(before.load_string(plain.out.c_str()));
    ASSERT_FALSE(findings_of(before, "arith-01-class-lines").empty());
    ASSERT_EQ(findings_of(before, "arith-01-grand-totals").size(), 1u);
    EXPECT_STREQ(findings_of(before, "arith-01-grand-totals")[0].attribute("severity").value(), "error");
    EXPECT_STREQ(findings_of(before, "arith-01-grand-totals")[0].child_value("tolerance"), "0.01");

    CliRun explained = fincheck("explain " + kSample + pack_);
    ASSERT_EQ(explained.exit_code, 0) << explained.err;
    EXPECT_TRUE(has(explained.out, "规则包 demo (demo.xml:2) 的 <match>（demo.xml:4）与本报告相符：模板为 national"))
        << explained.out;
    EXPECT_TRUE(has(explained.out, "继承链：national (national.xml:8) → demo (demo.xml:2)")) << explained.out;
    EXPECT_TRUE(has(explained.out, "arith-01-class-lines [arith]  停用（规则包 demo.xml:5）")) << explained.out;
    EXPECT_TRUE(has(explained.out, "arith-01-grand-totals [arith]  启用（内置默认）  级别 warning（规则包 demo.xml:6）  "
                                   "容差 半单位 0.005（内置默认），额外 0.01（规则包 demo.xml:7）"))
        << explained.out;

    const std::string audit_file = (dir_ / "audit.xml").string();
    CliRun checked = fincheck("check " + kSample + pack_ + " -o " + quote(audit_file) + " --fail-on none");
    ASSERT_EQ(checked.exit_code, 0) << checked.err;
    const std::string audit = test::read_file(audit_file);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(audit.c_str()));

    pugi::xml_node disabled = rule_in_header(doc, "arith-01-class-lines");
    EXPECT_STREQ(disabled.attribute("enabled").value(), "false");
    EXPECT_STREQ(disabled.attribute("enabled-source").value(), "pack");
    EXPECT_STREQ(disabled.attribute("enabled-at").value(), "demo.xml:5");
    EXPECT_TRUE(findings_of(doc, "arith-01-class-lines").empty());

    pugi::xml_node overridden = rule_in_header(doc, "arith-01-grand-totals");
    EXPECT_STREQ(overridden.attribute("enabled").value(), "true");
    EXPECT_STREQ(overridden.attribute("severity").value(), "warning");
    EXPECT_STREQ(overridden.attribute("severity-source").value(), "pack");
    EXPECT_STREQ(overridden.attribute("severity-at").value(), "demo.xml:6");
    EXPECT_STREQ(overridden.child("tolerance").attribute("extra").value(), "0.01");
    EXPECT_STREQ(overridden.child("tolerance").attribute("extra-at").value(), "demo.xml:7");
    const std::vector<pugi::xml_node> findings = findings_of(doc, "arith-01-grand-totals");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_STREQ(findings[0].attribute("severity").value(), "warning");
    // Two printed cells at half a unit each, plus the pack's extra.
    EXPECT_STREQ(findings[0].child_value("tolerance"), "0.02");

    // A rule the pack left alone keeps the national form.
    EXPECT_STREQ(rule_in_header(doc, "arith-01-income-lines").attribute("enabled").value(), "true");
    EXPECT_FALSE(rule_in_header(doc, "arith-01-income-lines").child("tolerance"));

    std::string validate = "xmllint --noout --schema " + quote(FINCHECK_AUDIT_XSD) + " " + quote(audit_file) + " 2>/dev/null";
    EXPECT_EQ(std::system(validate.c_str()), 0);
}

TEST_F(PackDecisions, ConfigurationSeverityWinsOverThePacksEverywhere) {
    test::write_file(dir_ / "fincheck.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<fincheck version="1">
  <rule id="arith-01-grand-totals" severity="info"/>
  <rule id="arith-01-income-lines" enabled="false"/>
</fincheck>
)");
    const std::string config = " --config " + quote((dir_ / "fincheck.xml").string());
    CliRun explained = fincheck("explain " + kSample + pack_ + config + " --lang en --rules=-arith-02-columns");
    ASSERT_EQ(explained.exit_code, 0) << explained.err;
    EXPECT_TRUE(has(explained.out, "arith-01-grand-totals [arith]  enabled (built-in default)  severity info (config fincheck.xml:3)"))
        << explained.out;
    EXPECT_TRUE(has(explained.out, "arith-01-income-lines [arith]  disabled (config fincheck.xml:4)")) << explained.out;
    EXPECT_TRUE(has(explained.out, "arith-02-columns [arith]  disabled (command line --rules)")) << explained.out;

    CliRun checked = fincheck("check " + kSample + pack_ + config + " --format xml --fail-on none");
    ASSERT_EQ(checked.exit_code, 0) << checked.err;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(checked.out.c_str()));
    EXPECT_STREQ(rule_in_header(doc, "arith-01-grand-totals").attribute("severity").value(), "info");
    EXPECT_STREQ(rule_in_header(doc, "arith-01-grand-totals").attribute("severity-source").value(), "config");
    const std::vector<pugi::xml_node> findings = findings_of(doc, "arith-01-grand-totals");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_STREQ(findings[0].attribute("severity").value(), "info");
}

}  // namespace
}  // namespace fincheck::explain_test

namespace fincheck::engine {
namespace {

// A plugin that declares ABI 1.0 has no Plugin::explain: the host must not call it (the test
// plugin's explain throws, which would show up as a note).
TEST(ExplainAbi, PluginsOfAbi10AreNeverAskedToExplain) {
    PluginSet set = test::load_plugins({FINCHECK_TEST_PLUGIN_ABI_1_0});
    ASSERT_TRUE(set.issues().empty()) << set.issues().front().message;
    ASSERT_EQ(set.plugins().size(), 1u);
    EXPECT_EQ(set.plugins().front().abi_minor, 0u);
    RuleRegistry registry = RuleRegistry::build(set);
    PlanResult planned = make_plan(registry, Config{}, "");
    ASSERT_TRUE(planned.plan);
    const Report report = test::report_with_blank_total();
    EffectiveConfiguration effective = effective_configuration(*planned.plan, set, report);
    EXPECT_TRUE(effective.notes.empty()) << effective.notes.front().en;
    auto rule = std::find_if(effective.rules.begin(), effective.rules.end(),
                             [](const RuleSummary& r) { return r.id == "test-old-abi"; });
    ASSERT_NE(rule, effective.rules.end());
    EXPECT_TRUE(rule->enabled);
    EXPECT_EQ(rule->enabled_source.kind, "built-in");
}

}  // namespace
}  // namespace fincheck::engine
