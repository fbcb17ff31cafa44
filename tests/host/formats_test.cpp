// The SARIF, JSON, CSV and XLSX outputs of `fincheck check`, end to end with the real plugins:
// each validated by an independent reader (Microsoft's SARIF validator, python3-jsonschema,
// an RFC 4180 parser, the sheet XML inside the XLSX zip), and the fingerprints unchanged when
// the input is renamed and moved.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "fincheck/engine/audit_formats.hpp"
#include "fincheck_test/corpus.hpp"
#include "test_support.hpp"

namespace fincheck {
namespace {

namespace fs = std::filesystem;
using test::CliRun;
using test::quote;

const fs::path kExample = fs::path(FINCHECK_SOURCE_DIR) / "examples" / "sample-report-2024.xml";
const fs::path kExamplePdf = fs::path(FINCHECK_SOURCE_DIR) / "examples" / "sample-report-2024.pdf";

std::string test_name() { return ::testing::UnitTest::GetInstance()->current_test_info()->name(); }

// `fincheck check INPUT --format FORMAT -o OUTPUT` with the real plugins; the audit has
// findings (exit 1) or none (exit 0), anything else fails the test.
void check_to(const fs::path& input, const std::string& format, const fs::path& output,
              const std::string& extra = {}) {
    CliRun run = test::run_fincheck("check " + quote(input.string()) + " --format " + format + " -o " +
                                        quote(output.string()) + " " + extra,
                                    test_name() + "-" + output.filename().string());
    ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.exit_code << " " << run.err;
    ASSERT_TRUE(fs::is_regular_file(output)) << run.err;
}

std::vector<std::string> all_matches(const std::string& text, const std::regex& pattern) {
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        found.push_back((*it)[1].str());
    return found;
}

std::vector<std::string> sarif_fingerprints(const fs::path& sarif) {
    return all_matches(test::read_file(sarif), std::regex("\"fincheckFinding/v1\": \"([0-9a-f]{64})\""));
}

std::vector<std::string> xml_fingerprints(const fs::path& audit) {
    return all_matches(test::read_file(audit), std::regex("<finding [^>]*fingerprint=\"([0-9a-f]{64})\""));
}

// The official validator (tools/install-sarif-validator.sh puts it under .cache/ of the tree).
// Its report lists every problem as "FILE(line,col): error|warning SARIFnnnn: …"; its exit code
// is 0 even with errors, so the report is what is checked. No error and no warning is allowed
// but SARIF2017, "region absent": a finding on a PDF page or on no line has no region
// (docs/audit-format.md).
void expect_valid_sarif(const std::vector<fs::path>& files, bool regions_everywhere = false) {
    ASSERT_TRUE(fs::exists(FINCHECK_SARIF_VALIDATOR))
        << "the SARIF validator is not installed at " << FINCHECK_SARIF_VALIDATOR
        << "; run tools/install-sarif-validator.sh (tools/test.sh does)";
    std::string command = quote(FINCHECK_SARIF_VALIDATOR) + " validate";
    const fs::path log = test::scratch_dir(test_name() + "-validator") / "validation.sarif";
    for (const fs::path& file : files) command += " " + quote(file.string());
    command += " -o " + quote(log.string()) + " --log ForceOverwrite";
    CliRun run = test::run_command(command, test_name() + "-validate");
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_NE(run.out.find("Analysis completed successfully"), std::string::npos) << run.out << run.err;
    EXPECT_FALSE(std::regex_search(run.out, std::regex(R"(\): (error [A-Z]+[0-9]+|warning (?!SARIF2017)[A-Z]+[0-9]+):)")))
        << run.out;
    if (regions_everywhere) {
        EXPECT_EQ(run.out.find("SARIF2017"), std::string::npos) << run.out;
    }
}

void expect_valid_json(const std::vector<fs::path>& files, bool valid = true) {
    std::string command = "/usr/bin/python3 " + quote(std::string(FINCHECK_SOURCE_DIR) + "/tools/validate-json.py") +
                          " " + quote(std::string(FINCHECK_SOURCE_DIR) + "/schemas/audit-report.schema.json");
    for (const fs::path& file : files) command += " " + quote(file.string());
    CliRun run = test::run_command(command, test_name() + "-jsonschema");
    EXPECT_EQ(run.exit_code, valid ? 0 : 1) << run.out << run.err;
}

TEST(Sarif, ExampleReportAsXmlAndPdfPassesTheOfficialValidator) {
    const fs::path dir = test::scratch_dir("sarif-example");
    check_to(kExample, "sarif", dir / "xml.sarif");
    check_to(kExamplePdf, "sarif", dir / "pdf.sarif", "--lang en");
    EXPECT_EQ(sarif_fingerprints(dir / "xml.sarif").size(), 9u);
    expect_valid_sarif({dir / "xml.sarif"}, true);  // every finding of the example has its line
    expect_valid_sarif({dir / "pdf.sarif"});
}

// Each rule's helpUri is its page as installed (rules/ID.md under the docs URL), and that page is
// in the tree beside its plugin or the importer.
TEST(Sarif, EveryRulesHelpUriIsItsInstalledPage) {
    const fs::path dir = test::scratch_dir("sarif-help");
    check_to(kExample, "sarif", dir / "xml.sarif");
    const std::string sarif = test::read_file(dir / "xml.sarif");
    const std::regex help(R"re("helpUri": "[^"]*/rules/([a-z0-9-]+)\.md")re");
    std::size_t rules = 0;
    for (auto it = std::sregex_iterator(sarif.begin(), sarif.end(), help); it != std::sregex_iterator(); ++it) {
        const std::string id = (*it)[1].str();
        ++rules;
        EXPECT_NE(sarif.find("\"id\": \"" + id + "\""), std::string::npos) << id;
        bool in_tree = fs::exists(fs::path(FINCHECK_SOURCE_DIR) / "host/import/rules" / (id + ".md"));
        for (const auto& plugin : fs::directory_iterator(fs::path(FINCHECK_SOURCE_DIR) / "plugins"))
            in_tree = in_tree || fs::exists(plugin.path() / "rules" / (id + ".md"));
        EXPECT_TRUE(in_tree) << id;
    }
    // The host's own rule is documented with the audit format.
    EXPECT_NE(sarif.find("/audit-format.md%23internal-rule-error\""), std::string::npos);
    EXPECT_EQ(rules + 1, all_matches(sarif, std::regex("\"helpUri\": \"([^\"]+)\"")).size());
    EXPECT_GT(rules, 50u);
}

TEST(Sarif, EveryCorpusReportPassesTheOfficialValidator) {
    if (!corpus::available()) GTEST_SKIP() << corpus::missing_message();
    const fs::path dir = test::scratch_dir("sarif-corpus");
    std::vector<fs::path> files;
    for (const corpus::Document& document : corpus::kDocuments) {
        if (!corpus::available(document.key)) continue;
        files.push_back(dir / (std::string(document.key) + ".sarif"));
        check_to(corpus::text(document.key), "sarif", files.back());
    }
    if (fs::is_directory(corpus::dir() / "pdf"))
        for (const fs::directory_entry& pdf : fs::directory_iterator(corpus::dir() / "pdf")) {
            if (pdf.path().extension() != ".pdf") continue;
            files.push_back(dir / (pdf.path().stem().string() + ".pdf.sarif"));
            check_to(pdf.path(), "sarif", files.back());
        }
    ASSERT_FALSE(files.empty());
    expect_valid_sarif(files);
}

TEST(Sarif, ValidatorRejectsABrokenLog) {
    // The check above must be able to fail: a result without its required message.
    const fs::path dir = test::scratch_dir("sarif-broken");
    check_to(kExample, "sarif", dir / "good.sarif");
    std::string text = test::read_file(dir / "good.sarif");
    text.replace(text.find("\"version\": \"2.1.0\""), 18, "\"version\": \"9.9.9\"");
    test::write_file(dir / "broken.sarif", text);
    CliRun run = test::run_command(quote(FINCHECK_SARIF_VALIDATOR) + " validate " + quote((dir / "broken.sarif").string()) +
                                       " -o " + quote((dir / "log.sarif").string()) + " --log ForceOverwrite",
                                   test_name());
    EXPECT_TRUE(run.exit_code != 0 || std::regex_search(run.out, std::regex(R"(\): error )"))) << run.out;
}

TEST(Sarif, FingerprintsAreUnchangedWhenTheInputIsRenamedAndMoved) {
    const fs::path dir = test::scratch_dir("sarif-rename");
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "elsewhere" / "deeper");
    fs::copy_file(kExamplePdf, dir / "a" / "sample-report-2024.pdf");
    fs::copy_file(kExamplePdf, dir / "elsewhere" / "deeper" / "改名后的报告.pdf");
    check_to(dir / "a" / "sample-report-2024.pdf", "sarif", dir / "first.sarif");
    check_to(dir / "elsewhere" / "deeper" / "改名后的报告.pdf", "sarif", dir / "second.sarif");
    check_to(dir / "a" / "sample-report-2024.pdf", "xml", dir / "first.xml");
    check_to(dir / "elsewhere" / "deeper" / "改名后的报告.pdf", "xml", dir / "second.xml");
    const std::vector<std::string> first = sarif_fingerprints(dir / "first.sarif");
    ASSERT_EQ(first.size(), 9u);
    EXPECT_EQ(first, sarif_fingerprints(dir / "second.sarif"));
    EXPECT_EQ(first, xml_fingerprints(dir / "first.xml"));
    EXPECT_EQ(first, xml_fingerprints(dir / "second.xml"));
    // The artifact itself does say where it was: the test did move it.
    EXPECT_NE(test::read_file(dir / "second.sarif").find("%E6%94%B9%E5%90%8D"), std::string::npos);
    // The report XML the PDF was drawn from has the same findings under the same identities,
    // though its lines, pages and paragraph breaks differ.
    check_to(kExample, "sarif", dir / "from-xml.sarif");
    std::vector<std::string> from_xml = sarif_fingerprints(dir / "from-xml.sarif");
    std::vector<std::string> from_pdf = first;
    std::sort(from_xml.begin(), from_xml.end());
    std::sort(from_pdf.begin(), from_pdf.end());
    EXPECT_EQ(from_xml, from_pdf);
    // Nine findings, nine identities.
    EXPECT_EQ(std::set<std::string>(first.begin(), first.end()).size(), first.size());
}

TEST(Json, ExampleAndCorpusOutputsValidateAgainstTheSchema) {
    const fs::path dir = test::scratch_dir("json-schema");
    std::vector<fs::path> files = {dir / "xml.json", dir / "pdf.json"};
    check_to(kExample, "json", files[0]);
    check_to(kExamplePdf, "json", files[1]);
    for (const corpus::Document& document : corpus::kDocuments) {
        if (!corpus::available(document.key)) continue;
        files.push_back(dir / (std::string(document.key) + ".json"));
        check_to(corpus::text(document.key), "json", files.back());
    }
    expect_valid_json(files);
    EXPECT_NE(test::read_file(files[1]).find("\"page\": 4"), std::string::npos);
}

TEST(Json, SchemaRejectsAFindingWithoutItsFingerprint) {
    const fs::path dir = test::scratch_dir("json-broken");
    check_to(kExample, "json", dir / "good.json");
    std::string text = test::read_file(dir / "good.json");
    const std::size_t at = text.find("\"fingerprint\": ");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 14, "\"fingerprimt\": ");
    test::write_file(dir / "broken.json", text);
    expect_valid_json({dir / "broken.json"}, false);
}

// RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break,
// quotes doubled inside; records end with CRLF.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    EXPECT_TRUE(rows.back().empty() && field.empty()) << "the last record must end with CRLF";
    rows.pop_back();
    return rows;
}

TEST(Csv, HasABomAndParsesBackToOneRowPerFindingWithItsFingerprint) {
    const fs::path dir = test::scratch_dir("csv");
    check_to(kExamplePdf, "csv", dir / "audit.csv");
    check_to(kExamplePdf, "xml", dir / "audit.xml");
    const std::string text = test::read_file(dir / "audit.csv");
    ASSERT_TRUE(text.starts_with("\xEF\xBB\xBF")) << "no UTF-8 byte-order mark";
    const auto rows = parse_csv(std::string_view(text).substr(3));
    const std::vector<std::string> fingerprints = xml_fingerprints(dir / "audit.xml");
    ASSERT_EQ(rows.size(), fingerprints.size() + 1);
    EXPECT_EQ(rows[0][0], "文件");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), rows[0].size()) << "row " << i;
        EXPECT_EQ(rows[i][0], "sample-report-2024.pdf");
        EXPECT_EQ(rows[i].back(), fingerprints[i - 1]);
    }
}

TEST(Csv, QuotesWhatNeedsQuotingAndDisarmsFormulas) {
    engine::AuditResult result;
    result.input.file = "a,b.xml";
    engine::AuditedFinding finding;
    finding.finding.rule_id = "r";
    finding.message_zh = "说\"明\"\r\n第二行";
    finding.finding.expected = "=HYPERLINK(\"x\")";
    finding.finding.actual = "-55.12";
    result.findings.push_back(finding);
    const auto rows = parse_csv(engine::write_audit_csv(result, engine::Language::zh).substr(3));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][0], "a,b.xml");
    EXPECT_EQ(rows[1][8], "说\"明\"\r\n第二行");
    EXPECT_EQ(rows[1][9], "'=HYPERLINK(\"x\")");  // text, not a formula
    EXPECT_EQ(rows[1][10], "-55.12");            // a number stays a number
}

int count_rows(const std::string& sheet_xml) {
    return static_cast<int>(all_matches(sheet_xml, std::regex("<row (r)=")).size());
}

TEST(Xlsx, OpensAndReadsBackWithOneRowPerFindingPlusTheHeader) {
    const fs::path dir = test::scratch_dir("xlsx");
    check_to(kExamplePdf, "xlsx", dir / "audit.xlsx", "--lang en");
    check_to(kExamplePdf, "xlsx", dir / "again.xlsx", "--lang en");
    check_to(kExamplePdf, "xml", dir / "audit.xml");
    const std::string xlsx = quote((dir / "audit.xlsx").string());
    CliRun test_zip = test::run_command("unzip -tq " + xlsx, test_name() + "-unzip-t");
    EXPECT_EQ(test_zip.exit_code, 0) << test_zip.out << test_zip.err;
    CliRun findings = test::run_command("unzip -p " + xlsx + " xl/worksheets/sheet1.xml", test_name() + "-sheet1");
    CliRun summary = test::run_command("unzip -p " + xlsx + " xl/worksheets/sheet2.xml", test_name() + "-sheet2");
    CliRun workbook = test::run_command("unzip -p " + xlsx + " xl/workbook.xml", test_name() + "-workbook");
    ASSERT_EQ(findings.exit_code, 0) << findings.err;
    ASSERT_EQ(summary.exit_code, 0) << summary.err;
    EXPECT_EQ(count_rows(findings.out), static_cast<int>(xml_fingerprints(dir / "audit.xml").size()) + 1);
    EXPECT_GE(count_rows(summary.out), 10);
    EXPECT_NE(workbook.out.find("name=\"findings\""), std::string::npos) << workbook.out;
    EXPECT_NE(workbook.out.find("name=\"summary\""), std::string::npos) << workbook.out;
    EXPECT_EQ(test::read_file(dir / "audit.xlsx"), test::read_file(dir / "again.xlsx")) << "not deterministic";
}

TEST(Xlsx, ACellExcelCannotHoldIsAnErrorNotAShorterSheet) {
    engine::AuditResult result;
    result.input.file = "report.xml";
    engine::AuditedFinding finding;
    finding.finding.rule_id = "r";
    finding.message_zh = std::string(40'000, 'x');  // Excel holds 32767 characters in a cell
    result.findings.push_back(finding);
    EXPECT_THROW(engine::write_audit_xlsx(result, engine::Language::zh), std::runtime_error);
    result.findings[0].message_zh = "短";
    EXPECT_NO_THROW(engine::write_audit_xlsx(result, engine::Language::zh));
}

TEST(Xlsx, RefusesToWriteToATerminalButNotToAPipe) {
    const std::string command = quote(FINCHECK_CLI) + " check " + quote(kExample.string()) + " --format xlsx";
    // script(1) (Debian bsdutils) gives the command a terminal as standard output.
    CliRun tty = test::run_command("script -qec " + quote(command) + " /dev/null", test_name() + "-tty");
    EXPECT_EQ(tty.exit_code, 2) << tty.out << tty.err;
    EXPECT_NE(tty.out.find("refusing to write it to a terminal"), std::string::npos) << tty.out;
    CliRun pipe = test::run_command(command + " | head -c 2", test_name() + "-pipe");
    EXPECT_EQ(pipe.out, "PK") << pipe.err;  // a zip's signature
}

TEST(Formats, EachIsByteIdenticalForTheSameInput) {
    const fs::path dir = test::scratch_dir("formats-deterministic");
    for (const std::string format : {"sarif", "json", "csv"}) {
        check_to(kExamplePdf, format, dir / ("1." + format));
        check_to(kExamplePdf, format, dir / ("2." + format));
        EXPECT_EQ(test::read_file(dir / ("1." + format)), test::read_file(dir / ("2." + format))) << format;
    }
}

}  // namespace
}  // namespace fincheck

namespace fincheck {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
    return count;
}

// The example with its 01 total corrected, in another folder under another name: the three
// findings of that cell are fixed, the share computed on it is a new one.
fs::path corrected_example(const fs::path& dir) {
    fs::create_directories(dir / "moved");
    std::string text = test::read_file(kExample);
    for (std::size_t at = text.find("777.25"); at != std::string::npos; at = text.find("777.25", at)) text.replace(at, 6, "832.36");
    test::write_file(dir / "moved" / "更正后.xml", text);
    return dir / "moved" / "更正后.xml";
}

TEST(CheckBaseline, MarksNewAndFixedFindingsAndFailsOnlyOnNewOnes) {
    const fs::path dir = test::scratch_dir("check-baseline");
    check_to(kExample, "xml", dir / "old.xml");
    const std::string baseline = " --baseline " + quote((dir / "old.xml").string());

    // The same report against its own audit: nothing new, so --fail-on error passes.
    CliRun same = test::run_fincheck("check " + quote(kExample.string()) + " -o " + quote((dir / "same.xml").string()) +
                                         baseline,
                                     test_name() + "-same");
    EXPECT_EQ(same.exit_code, 0) << same.err;
    EXPECT_NE(test::read_file(dir / "same.xml").find("new=\"0\" unchanged=\"9\" fixed=\"0\""), std::string::npos);

    const fs::path corrected = corrected_example(dir);
    CliRun run = test::run_fincheck("check " + quote(corrected.string()) + " -o " + quote((dir / "new.xml").string()) +
                                        baseline + " --lang en",
                                    test_name() + "-corrected");
    EXPECT_EQ(run.exit_code, 1) << run.err;  // the new share finding is an error
    EXPECT_NE(run.out.find("Against the baseline old.xml: 1 new, 4 fixed, 5 unchanged"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("[error][new] narrative-share-mismatch"), std::string::npos) << run.out;
    const std::string audit = test::read_file(dir / "new.xml");
    EXPECT_EQ(occurrences(audit, "baseline=\"new\""), 1u);
    EXPECT_EQ(occurrences(audit, "baseline=\"unchanged\""), 5u);
    EXPECT_EQ(occurrences(audit, "<fixed rule="), 4u);
    CliRun xsd = test::run_command("xmllint --noout --schema " + quote(FINCHECK_AUDIT_XSD) + " " +
                                       quote((dir / "new.xml").string()),
                                   test_name() + "-xsd");
    EXPECT_EQ(xsd.exit_code, 0) << xsd.err;

    // The other outputs say the same, and stay valid.
    check_to(corrected, "json", dir / "new.json", baseline);
    check_to(corrected, "sarif", dir / "new.sarif", baseline);
    expect_valid_json({dir / "new.json"});
    expect_valid_sarif({dir / "new.sarif"}, true);
    EXPECT_EQ(occurrences(test::read_file(dir / "new.json"), "\"baselineState\": \"new\""), 1u);
    EXPECT_EQ(occurrences(test::read_file(dir / "new.sarif"), "\"baselineState\": \"unchanged\""), 5u);
}

TEST(CheckBaseline, ABaselineThatCannotBeUsedIsExitTwoNamingIt) {
    const fs::path dir = test::scratch_dir("check-baseline-bad");
    const std::string check = "check " + quote(kExample.string()) + " --baseline ";
    CliRun missing = test::run_fincheck(check + quote((dir / "absent.xml").string()), test_name() + "-missing");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("absent.xml"), std::string::npos) << missing.err;

    check_to(kExample, "xml", dir / "old.xml");
    std::string text = test::read_file(dir / "old.xml");
    const std::size_t at = text.find(" fingerprint=\"");
    text.erase(at, 14 + 64 + 1);
    test::write_file(dir / "old-version.xml", text);
    CliRun unfingerprinted = test::run_fincheck(check + quote((dir / "old-version.xml").string()), test_name() + "-old");
    EXPECT_EQ(unfingerprinted.exit_code, 2);
    EXPECT_NE(unfingerprinted.err.find("old-version.xml:"), std::string::npos) << unfingerprinted.err;
    EXPECT_NE(unfingerprinted.err.find("no fingerprint"), std::string::npos) << unfingerprinted.err;

    test::write_file(dir / "report.xml", test::read_file(kExample));
    CliRun not_audit = test::run_fincheck(check + quote((dir / "report.xml").string()), test_name() + "-report");
    EXPECT_EQ(not_audit.exit_code, 2);
    EXPECT_NE(not_audit.err.find("not an audit report"), std::string::npos) << not_audit.err;
}

}  // namespace
}  // namespace fincheck
