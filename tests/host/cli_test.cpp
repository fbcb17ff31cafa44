// End to end: the built fincheck binary, its exit codes, outputs and error messages.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fincheck/engine/audit.hpp"
#include "fincheck/version.hpp"
#include "test_support.hpp"

namespace fincheck {
namespace {

namespace fs = std::filesystem;

using test::CliRun;
using test::quote;

// Runs fincheck with the test plugins first in the search path (test::run_fincheck), with
// `environment` (VAR=value …) set on a cleared locale.
CliRun fincheck_in(const std::string& environment, const std::string& args) {
    return test::run_fincheck(args, ::testing::UnitTest::GetInstance()->current_test_info()->name(), {}, environment);
}

CliRun fincheck(const std::string& args) { return fincheck_in("", args); }

const std::string kPlugins = std::string("--plugin-dir ") + quote(FINCHECK_TEST_PLUGIN_DIR);
// The usable test plugins, then one of each way a plugin can fail to load.
const std::string kBrokenPlugins = kPlugins + " --plugin-dir " + quote(FINCHECK_TEST_BROKEN_PLUGIN_DIR);
const std::string kBlankTotal = quote(std::string(FINCHECK_TEST_DATA_DIR) + "/blank-total.xml");
const std::string kMinimal = quote(std::string(FINCHECK_SOURCE_DIR) + "/examples/minimal-report.xml");

TEST(Cli, ExitsOneWhenAFindingReachesFailOn) {
    CliRun run = fincheck("check " + kBlankTotal + " " + kPlugins + " --rules test-blank-total");
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.out.find("发现：错误 1"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("test-blank-total @ 03/合计 第 14 行"), std::string::npos) << run.out;
}

TEST(Cli, ExitsZeroOnACleanReport) {
    CliRun run = fincheck("check " + kMinimal + " " + kPlugins + " --rules test-blank-total --lang en");
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Findings: 0 error(s)"), std::string::npos) << run.out;
}

TEST(Cli, FailOnThresholdDecidesTheExitCode) {
    std::string base = "check " + kBlankTotal + " " + kPlugins + " --rules test-echo ";
    EXPECT_EQ(fincheck(base + "--fail-on error").exit_code, 0);
    EXPECT_EQ(fincheck(base + "--fail-on warning").exit_code, 0);
    EXPECT_EQ(fincheck(base + "--fail-on info").exit_code, 1);
    EXPECT_EQ(fincheck("check " + kBlankTotal + " " + kPlugins + " --rules test-blank-total --fail-on none").exit_code,
              0);
}

TEST(Cli, MalformedReportExitsTwoNamingFileLineAndColumn) {
    CliRun run = fincheck("check " + quote(std::string(FINCHECK_TEST_DATA_DIR) + "/malformed.xml") + " " + kPlugins);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("malformed.xml:5:"), std::string::npos) << run.err;
}

TEST(Cli, MissingReportAndBadUsageExitTwo) {
    EXPECT_EQ(fincheck("check /no/such/report.xml " + kPlugins).exit_code, 2);
    EXPECT_EQ(fincheck("check").exit_code, 2);
    EXPECT_EQ(fincheck("check " + kBlankTotal + " --fail-on sometimes").exit_code, 2);
    EXPECT_EQ(fincheck("frobnicate").exit_code, 2);
    EXPECT_EQ(fincheck("--help").exit_code, 0);
}

TEST(Cli, PluginsListsARuleIdThatIsNotKebabCaseAsALoadProblem) {
    CliRun run = fincheck("plugins --plugin-dir " + quote(FINCHECK_TEST_BAD_RULE_ID_DIR));
    EXPECT_NE(run.out.find("fincheck_test_bad_rule_id.so [bad-rule-id] 规则标识 \"test_underscore\" 不是小写连字符格式"),
              std::string::npos)
        << run.out << run.err;
}

TEST(Cli, BareFincheckPrintsTheUsageOnStderrAndExitsTwo) {
    CliRun run = fincheck("");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("Usage: fincheck [OPTIONS] SUBCOMMAND"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("  check "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("Exit status:"), std::string::npos) << run.err;
    // --help asked for is a success on stdout.
    CliRun help = fincheck("--help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_EQ(help.out, run.err);
}

TEST(Cli, VersionNamesTheToolTheSdkAndThePluginAbi) {
    CliRun run = fincheck("--version");
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "fincheck " + std::string(engine::tool_version()) + "\nSDK " + kSdkVersion + ", plugin ABI " +
                           std::to_string(kAbiMajor) + "." + std::to_string(kAbiMinor) + "\n");
}

TEST(Cli, LanguageFollowsTheLocaleUnlessLangIsGiven) {
    const std::string command = "check " + kMinimal + " " + kPlugins + " --rules test-blank-total";
    const std::string zh = "发现：错误 0";
    const std::string en = "Findings: 0 error(s)";
    struct LocaleCase {
        std::string environment;
        std::string expected;
    };
    const std::vector<LocaleCase> cases = {
        {"", zh},                                         // no locale at all
        {"LANG=C", zh},                                   // C and POSIX name no language
        {"LANG=C.UTF-8", zh},
        {"LANG=POSIX", zh},
        {"LANG=zh_CN.UTF-8", zh},
        {"LANG=zh_TW.UTF-8", zh},
        {"LANG=en_US.UTF-8", en},
        {"LANG=de_DE.UTF-8", en},                         // no German: English, not Chinese
        {"LANG=zh_CN.UTF-8 LC_MESSAGES=en_GB.UTF-8", en}, // LC_MESSAGES before LANG
        {"LANG=en_US.UTF-8 LC_ALL=zh_CN.UTF-8", zh},      // LC_ALL before both
        {"LANG=en_US.UTF-8 LC_ALL=", en},                 // an empty variable counts as unset
    };
    for (const LocaleCase& c : cases) {
        CliRun run = fincheck_in(c.environment, command);
        EXPECT_EQ(run.exit_code, 0) << c.environment << "\n" << run.err;
        EXPECT_NE(run.out.find(c.expected), std::string::npos) << c.environment << "\n" << run.out;
    }
    EXPECT_NE(fincheck_in("LANG=en_US.UTF-8", command + " --lang zh").out.find(zh), std::string::npos);
    EXPECT_NE(fincheck_in("LANG=zh_CN.UTF-8", command + " --lang en").out.find(en), std::string::npos);
    EXPECT_NE(fincheck_in("LANG=en_US.UTF-8", "plugins " + kPlugins).out.find("Search path:"), std::string::npos);
    EXPECT_NE(fincheck_in("LANG=en_US.UTF-8", "rules " + kPlugins + " --lang zh").out.find("条规则"), std::string::npos);
}

TEST(Cli, MalformedConfigExitsTwoNamingItsLine) {
    fs::path dir = test::scratch_dir("cli-config");
    test::write_file(dir / "fincheck.xml", "<fincheck>\n  <rule id=\"x\" severity=\"loud\"/>\n</fincheck>\n");
    CliRun run = fincheck("check " + kBlankTotal + " " + kPlugins + " --config " + quote((dir / "fincheck.xml").string()));
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("fincheck.xml:2:3:"), std::string::npos) << run.err;
}

TEST(Cli, WritesAValidDeterministicAuditReport) {
    fs::path dir = test::scratch_dir("cli-output");
    std::string first = (dir / "first.xml").string();
    std::string second = (dir / "second.xml").string();
    std::string args = " " + kPlugins + " --rules 'test-*' --fail-on none";
    ASSERT_EQ(fincheck("check " + kBlankTotal + " -o " + quote(first) + args).exit_code, 0);
    ASSERT_EQ(fincheck("check " + kBlankTotal + " -o " + quote(second) + args).exit_code, 0);
    std::string xml = test::read_file(first);
    EXPECT_FALSE(xml.empty());
    EXPECT_EQ(xml, test::read_file(second));
    EXPECT_NE(xml.find("<input file=\"blank-total.xml\" sha256=\""), std::string::npos);
    EXPECT_NE(xml.find("rule=\"internal-rule-error\""), std::string::npos);
    std::string validate = "xmllint --noout --schema " + quote(FINCHECK_AUDIT_XSD) + " " + quote(first) + " 2>/dev/null";
    EXPECT_EQ(std::system(validate.c_str()), 0);
}

TEST(Cli, TextFormatWithoutOutputPrintsTheWholeReport) {
    CliRun run = fincheck("check " + kBlankTotal + " " + kPlugins + " --rules test-blank-total --format text --lang en");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("fincheck "), std::string::npos);
    EXPECT_NE(run.out.find("Table 03: the total row is blank"), std::string::npos) << run.out;
}

TEST(Cli, RulesListsEveryRuleAndTheLoadProblemsWithoutRunningAndExitsTwo) {
    EXPECT_EQ(fincheck("rules " + kPlugins).exit_code, 0);
    CliRun run = fincheck("rules " + kBrokenPlugins);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.out.find("test-blank-total  [error]  structure  (test-good)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("--greeting (string, 默认 你好)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("fincheck_test_wrong_abi.so [abi-mismatch]"), std::string::npos) << run.out;
}

TEST(Cli, RulesAsXmlIsWellFormed) {
    fs::path dir = test::scratch_dir("cli-rules-xml");
    CliRun run = fincheck("rules --format xml " + kPlugins);
    ASSERT_EQ(run.exit_code, 0);
    test::write_file(dir / "rules.xml", run.out);
    EXPECT_NE(run.out.find("<rule id=\"test-echo\""), std::string::npos);
    EXPECT_EQ(std::system(("xmllint --noout " + quote((dir / "rules.xml").string())).c_str()), 0);
}

TEST(Cli, PluginsListsVersionsAbiAndFailuresAndExitsTwoOnAFailure) {
    EXPECT_EQ(fincheck("plugins " + kPlugins).exit_code, 0);
    CliRun run = fincheck("plugins " + kBrokenPlugins);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.out.find(std::string("test-good 0.1.0  fincheck_test_good.so  SDK ") + kSdkVersion +
                           "  ABI " + std::to_string(kAbiMajor) + "." + std::to_string(kAbiMinor) + "  2 条规则"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("fincheck_junk.so [not-loadable]"), std::string::npos);
    EXPECT_NE(run.out.find("fincheck_test_throwing_create.so [create-failed]"), std::string::npos);
}

TEST(Cli, APluginThatFailsToLoadStopsTheCheckNamingEveryBadFile) {
    CliRun run = fincheck("check " + kBlankTotal + " " + kBrokenPlugins + " --rules test-blank-total");
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_EQ(run.out, "");
    for (const char* file : {"fincheck_junk.so [not-loadable]", "fincheck_test_throwing_create.so [create-failed]",
                             "fincheck_test_wrong_abi.so [abi-mismatch]", "fincheck_test_zz_duplicate.so [duplicate-rule]",
                             "fincheck_no_alias.so [not-a-plugin]"})
        EXPECT_NE(run.err.find(file), std::string::npos) << file << "\n" << run.err;
    EXPECT_NE(run.err.find("lexicon file missing"), std::string::npos) << run.err;
}

TEST(Cli, APluginDisabledInTheConfigMayFailToLoad) {
    fs::path dir = test::scratch_dir("cli-disabled-plugins");
    test::write_file(dir / "fincheck.xml", R"(<fincheck version="1">
  <plugin name="junk" enabled="false"/>
  <plugin name="no-alias" enabled="false"/>
  <plugin name="test-throwing-create" enabled="false"/>
  <plugin name="test-wrong-abi" enabled="false"/>
  <plugin name="test-duplicate" enabled="false"/>
</fincheck>
)");
    CliRun run = fincheck("check " + kBlankTotal + " " + kBrokenPlugins + " --rules test-blank-total --config " +
                          quote((dir / "fincheck.xml").string()));
    EXPECT_EQ(run.exit_code, 1) << run.err;
}

TEST(Cli, CheckOfAFileInTheCurrentDirectoryUsesTheFincheckXmlThere) {
    fs::path dir = test::scratch_dir("cli-config-in-cwd");
    fs::copy_file(std::string(FINCHECK_TEST_DATA_DIR) + "/blank-total.xml", dir / "report.xml");
    // The config lowers the finding to info: exit 0 and 提示 1 prove it was read.
    test::write_file(dir / "fincheck.xml", "<fincheck version=\"1\"><rule id=\"test-blank-total\" severity=\"info\"/></fincheck>\n");
    CliRun run = test::run_fincheck("check report.xml " + kPlugins + " --rules test-blank-total", "config-in-cwd", dir);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("提示 1"), std::string::npos) << run.out;
}

TEST(Cli, ImportOfAMissingFileExitsTwo) {
    CliRun run = fincheck("import /no/such/report.txt");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("/no/such/report.txt"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace fincheck
