// End to end: the built fincheck binary, its exit codes, outputs and error messages.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

// A region whose template prints more tables is one file in a data directory's templates/
// folder: check reads text input against it, so that region's own tables are standard tables.
const std::string kRegionReport =
    "**2024年度某省某市某县测试局部门决算**\n\n2025年9月1日\n\n"
    "2024年度政府采购情况表\n\n单位：万元\n\n"
    "项目\t\t\t\t采购预算\t实际采购金额\n"
    "\t\t\t合计\t12.00\t11.50\n"
    "2013101\t\t\t行政运行\t12.00\t11.50\n";

fs::path region_data_dir(const fs::path& dir, const std::string& template_text) {
    fs::create_directories(dir / "data" / "templates");
    test::write_file(dir / "data" / "templates" / "eleven.xml", template_text);
    test::write_file(dir / "report.txt", kRegionReport);
    return dir / "data";
}

TEST(Cli, ARegionTemplateInADataDirectoryIsReadByCheck) {
    const fs::path dir = test::scratch_dir("region-template");
    const fs::path data = region_data_dir(
        dir, test::read_file(fs::path(FINCHECK_SOURCE_DIR) / "templates/tests/data/eleven/eleven.xml"));
    // The review page names each table by its id: 10 is the region's 政府采购情况表, other-N a
    // table no template knows.
    const std::string args = quote((dir / "report.txt").string()) + " --rules 'import-*' --format html --fail-on none";
    CliRun without = fincheck("check " + args);
    CliRun with = fincheck("check " + args + " --data-dir " + quote(data.string()));
    ASSERT_EQ(without.exit_code, 0) << without.err;
    ASSERT_EQ(with.exit_code, 0) << with.err;
    EXPECT_NE(without.out.find("data-table=\"other-1\""), std::string::npos);
    EXPECT_EQ(without.out.find("data-table=\"10\""), std::string::npos);
    EXPECT_NE(with.out.find("data-table=\"10\""), std::string::npos);
    EXPECT_EQ(with.out.find("data-table=\"other-1\""), std::string::npos);
}

TEST(Cli, ABrokenRegionTemplateStopsCheckNamingItsFile) {
    const fs::path dir = test::scratch_dir("region-template-broken");
    const fs::path data = region_data_dir(dir, "<?xml version=\"1.0\"?>\n<template id=\"eleven\">\n<table\n");
    CliRun run = fincheck("check " + quote((dir / "report.txt").string()) + " --data-dir " + quote(data.string()));
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_NE(run.err.find("eleven.xml"), std::string::npos) << run.err;
}

// `import` reads the same templates as `check`: otherwise a text imported to XML and then
// checked would lose the region's tables that checking the text keeps.
TEST(Cli, ImportReadsARegionTemplateFromADataDirectoryOrTheConfig) {
    const fs::path dir = test::scratch_dir("region-template-import");
    const fs::path data = region_data_dir(
        dir, test::read_file(fs::path(FINCHECK_SOURCE_DIR) / "templates/tests/data/eleven/eleven.xml"));
    const std::string report = quote((dir / "report.txt").string());
    CliRun without = fincheck("import " + report);
    CliRun with = fincheck("import " + report + " --data-dir " + quote(data.string()));
    ASSERT_EQ(without.exit_code, 0) << without.err;
    ASSERT_EQ(with.exit_code, 0) << with.err;
    EXPECT_EQ(without.out.find("<table id=\"10\""), std::string::npos) << without.out;
    EXPECT_NE(with.out.find("<table id=\"10\""), std::string::npos) << with.out;
    // A fincheck.xml beside the report naming the data directory, found as `check` finds it.
    test::write_file(dir / "fincheck.xml", "<?xml version=\"1.0\"?>\n<fincheck version=\"1\">\n  <data-dir path=\"" +
                                               data.string() + "\"/>\n</fincheck>\n");
    CliRun configured = fincheck("import " + report);
    ASSERT_EQ(configured.exit_code, 0) << configured.err;
    EXPECT_EQ(configured.out, with.out);
}

TEST(Cli, ImportStopsOnABrokenRegionTemplateNamingItsFile) {
    const fs::path dir = test::scratch_dir("region-template-import-broken");
    const fs::path data = region_data_dir(dir, "<?xml version=\"1.0\"?>\n<template id=\"eleven\">\n<table\n");
    CliRun run = fincheck("import " + quote((dir / "report.txt").string()) + " --data-dir " + quote(data.string()));
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_NE(run.err.find("eleven.xml"), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
}

// An install over an older prefix leaves fincheck_tables.so beside arith and xtab, which took
// over its rules: the host refuses to run and says which file to delete, instead of loading it.
TEST(Cli, ALeftoverTablesPluginStopsTheRunNamingTheFileToDelete) {
    const fs::path dir = test::scratch_dir("stale-tables-plugin");
    fs::copy_file(FINCHECK_TEST_PLUGIN_GOOD, dir / "fincheck_tables.so", fs::copy_options::overwrite_existing);
    CliRun run = fincheck("check " + kMinimal + " " + kPlugins + " --plugin-dir " + quote(dir.string()));
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_NE(run.err.find((dir / "fincheck_tables.so").string() + ": 这是旧插件 tables，已拆分为 arith"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("; delete this file"), std::string::npos) << run.err;

    // The same plugin under any other file name loads as before.
    fs::rename(dir / "fincheck_tables.so", dir / "fincheck_good_copy.so");
    CliRun renamed = fincheck("check " + kMinimal + " --plugin-dir " + quote(dir.string()) + " --rules test-blank-total");
    EXPECT_EQ(renamed.exit_code, 0) << renamed.err;
}

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

// ---- inputs and outputs: only regular files, a size limit, never over the input ---------

// A small extracted-text report (over 4 KiB) written for these tests.
const std::string kTextReport = quote(std::string(FINCHECK_TEST_DATA_DIR) + "/small-report.txt");

TEST(CliInput, RefusesWhatIsNotARegularFileWithoutBlocking) {
    const fs::path dir = test::scratch_dir("cli-special-files");
    const fs::path fifo = dir / "report.xml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::string& path : {std::string("/dev/zero"), fifo.string(), dir.string()}) {
        for (const std::string& command : {std::string("check "), std::string("import ")}) {
            CliRun run = fincheck(command + quote(path) + " " + (command == "check " ? kPlugins : ""));
            EXPECT_EQ(run.exit_code, 2) << command << path << ": " << run.err;
            EXPECT_NE(run.err.find(path + ":0:0: "), std::string::npos) << run.err;
            EXPECT_NE(run.err.find("not a regular file"), std::string::npos) << run.err;
        }
    }
}

TEST(CliInput, RefusesAnInputBeyondTheSizeLimitAndSaysBoth) {
    const std::uint64_t size = fs::file_size(std::string(FINCHECK_SOURCE_DIR) + "/examples/minimal-report.xml");
    const std::string base = "check " + kMinimal + " " + kPlugins + " --rules test-blank-total --max-input-size ";
    CliRun at_limit = fincheck(base + std::to_string(size));
    EXPECT_EQ(at_limit.exit_code, 0) << at_limit.err;  // must still work: the limit itself is allowed
    CliRun beyond = fincheck(base + std::to_string(size - 1));
    EXPECT_EQ(beyond.exit_code, 2);
    EXPECT_NE(beyond.err.find("input too large: " + std::to_string(size) + " B, the limit is " +
                              std::to_string(size - 1) + " B"),
              std::string::npos)
        << beyond.err;
    CliRun units = fincheck(base + "1K");
    EXPECT_EQ(units.exit_code, size > 1024 ? 2 : 0) << units.err;
    EXPECT_EQ(fincheck(base + "12Q").exit_code, 2);
    EXPECT_EQ(fincheck(base + "0").exit_code, 2);
    // Standard input has no size to look at first: it is read up to the limit and no further.
    CliRun piped = fincheck("import - --max-input-size 4K < " + kTextReport);
    EXPECT_EQ(piped.exit_code, 2);
    EXPECT_NE(piped.err.find("stdin:0:0: "), std::string::npos) << piped.err;
    EXPECT_NE(piped.err.find("input larger than the limit of 4 KiB"), std::string::npos) << piped.err;
}

TEST(CliInput, RefusesAnOutputThatIsTheInputByAnyName) {
    const fs::path dir = test::scratch_dir("cli-output-is-input");
    const std::string original = test::read_file(std::string(FINCHECK_SOURCE_DIR) + "/examples/minimal-report.xml");
    const fs::path report = dir / "report.xml";
    test::write_file(report, original);
    fs::create_hard_link(report, dir / "hard-link.xml");
    fs::create_symlink(report, dir / "symlink.xml");
    for (const std::string& output : {report.string(), (dir / "." / "report.xml").string(),
                                      (dir / "hard-link.xml").string(), (dir / "symlink.xml").string()}) {
        CliRun run = fincheck("check " + quote(report.string()) + " -o " + quote(output) + " " + kPlugins);
        EXPECT_EQ(run.exit_code, 2) << output;
        EXPECT_NE(run.err.find("the output is the input file"), std::string::npos) << run.err;
        EXPECT_TRUE(test::read_file(report) == original) << "input overwritten via " << output;
        EXPECT_TRUE(fs::is_symlink(dir / "symlink.xml"));
    }
    const fs::path text = dir / "report.txt";
    test::write_file(text, test::read_file(std::string(FINCHECK_TEST_DATA_DIR) + "/small-report.txt"));
    const std::string text_before = test::read_file(text);
    CliRun import = fincheck("import " + quote(text.string()) + " -o " + quote(text.string()));
    EXPECT_EQ(import.exit_code, 2);
    EXPECT_TRUE(test::read_file(text) == text_before) << "input overwritten";
    // Must still work: another file in the same folder.
    EXPECT_EQ(fincheck("check " + quote(report.string()) + " -o " + quote((dir / "audit.xml").string()) + " " +
                       kPlugins + " --rules test-blank-total")
                  .exit_code,
              0);
}

// A file name is any bytes: one that is not UTF-8 is written escaped, never raw, in the
// error message and in the audit report (which stays valid XML).
TEST(CliInput, AFileNameThatIsNotUtf8IsEscapedWhereverItIsWritten) {
    const fs::path dir = test::scratch_dir("cli-non-utf8-name");
    const std::string name = "r\xBA\xCF\x01.xml";
    test::write_file(dir / name, test::read_file(std::string(FINCHECK_SOURCE_DIR) + "/examples/minimal-report.xml"));
    test::write_file(dir / ("bad" + name), "<report format-version=\"1\">\n<bogus/>\n</report>\n");
    CliRun bad = fincheck("check " + quote((dir / ("bad" + name)).string()) + " " + kPlugins);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("badr\\xBA\\xCF\\x01.xml:2:1: "), std::string::npos) << bad.err;
    EXPECT_EQ(bad.err.find("\xBA"), std::string::npos) << "raw byte in the message";

    const std::string audit = (dir / "audit.xml").string();
    CliRun good = fincheck("check " + quote((dir / name).string()) + " -o " + quote(audit) + " " + kPlugins +
                           " --rules test-blank-total");
    EXPECT_EQ(good.exit_code, 0) << good.err;
    EXPECT_NE(test::read_file(audit).find("<input file=\"r\\xBA\\xCF\\x01.xml\""), std::string::npos);
    EXPECT_EQ(std::system(("xmllint --noout " + quote(audit)).c_str()), 0);
}

TEST(CliInput, DashReadsStandardInputAndWritesStandardOutput) {
    CliRun xml = fincheck("check - -o - " + kPlugins + " --rules test-blank-total < " + kBlankTotal);
    EXPECT_EQ(xml.exit_code, 1) << xml.err;
    EXPECT_EQ(xml.out.rfind("<?xml", 0), 0u) << xml.out;
    EXPECT_NE(xml.out.find("<input file=\"stdin\""), std::string::npos) << xml.out;
    EXPECT_NE(xml.out.find("rule=\"test-blank-total\""), std::string::npos);

    CliRun text = fincheck("check - --format text --fail-on none " + kPlugins + " --rules test-blank-total < " + kTextReport);
    EXPECT_EQ(text.exit_code, 0) << text.err;  // extracted text, recognised without an extension
    EXPECT_NE(text.out.find("示例省示例市示范区测试局"), std::string::npos) << text.out;

    CliRun imported = fincheck("import - -o - < " + kTextReport);
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_EQ(imported.out.rfind("<?xml", 0), 0u);
    EXPECT_NE(imported.out.find("<source file=\"stdin\""), std::string::npos) << imported.out.substr(0, 600);
}

}  // namespace
}  // namespace fincheck
