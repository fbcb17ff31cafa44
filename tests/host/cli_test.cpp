// End to end: the built fincheck binary, its exit codes, outputs and error messages.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "test_support.hpp"

namespace fincheck {
namespace {

namespace fs = std::filesystem;

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string quote(const std::string& text) { return "'" + text + "'"; }

// Runs fincheck with the test plugins first in the search path; the environment's plugin
// path is cleared so the result does not depend on the caller's shell.
// Each test gets its own output directory: ctest runs tests in parallel processes. A run that
// hangs (an input that blocks) is killed and fails its test with exit code 124.
CliRun fincheck(const std::string& args) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = test::scratch_dir(std::string("cli-io-") + info->name());
    std::string command = "timeout 60 env -u FINCHECK_PLUGIN_PATH " + quote(FINCHECK_CLI) + " " + args + " > " +
                          quote((dir / "out").string()) + " 2> " + quote((dir / "err").string());
    int status = std::system(command.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = test::read_file(dir / "out");
    run.err = test::read_file(dir / "err");
    return run;
}

const std::string kPlugins = std::string("--plugin-dir ") + quote(FINCHECK_TEST_PLUGIN_DIR);
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

TEST(Cli, RulesListsEveryRuleAndTheLoadProblemsWithoutRunning) {
    CliRun run = fincheck("rules " + kPlugins);
    EXPECT_EQ(run.exit_code, 0) << run.err;
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

TEST(Cli, PluginsListsVersionsAbiAndFailures) {
    CliRun run = fincheck("plugins " + kPlugins);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("test-good 0.1.0  fincheck_test_good.so  SDK 1.1.0  ABI 1.0  2 条规则"), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("fincheck_junk.so [not-loadable]"), std::string::npos);
    EXPECT_NE(run.out.find("fincheck_test_throwing_create.so [create-failed]"), std::string::npos);
}

TEST(Cli, ImportOfAMissingFileExitsTwo) {
    CliRun run = fincheck("import /no/such/report.txt");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("/no/such/report.txt"), std::string::npos) << run.err;
}

// ---- inputs and outputs: only regular files, a size limit, never over the input ---------

const std::string kWuhanText = quote(std::string(FINCHECK_SOURCE_DIR) + "/examples/corpus/wuhan-hanyang-jiguan-gongwei-2024.txt");

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
    CliRun piped = fincheck("import - --max-input-size 4K < " + kWuhanText);
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
    test::write_file(text, test::read_file(std::string(FINCHECK_SOURCE_DIR) +
                                           "/examples/corpus/wuhan-hanyang-jiguan-gongwei-2024.txt"));
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

    CliRun text = fincheck("check - --format text --fail-on none " + kPlugins + " --rules test-blank-total < " + kWuhanText);
    EXPECT_EQ(text.exit_code, 0) << text.err;  // extracted text, recognised without an extension
    EXPECT_NE(text.out.find("中共武汉市汉阳区委直属机关工作委员会"), std::string::npos) << text.out;

    CliRun imported = fincheck("import - -o - < " + kWuhanText);
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_EQ(imported.out.rfind("<?xml", 0), 0u);
    EXPECT_NE(imported.out.find("<source file=\"stdin\""), std::string::npos) << imported.out.substr(0, 600);
}

}  // namespace
}  // namespace fincheck
