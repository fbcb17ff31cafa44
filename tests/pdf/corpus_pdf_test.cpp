// Acceptance on the real reports: each published PDF imports to the same tables, codes and
// cells as its hand transcription. Where the transcription itself differs from the PDF,
// or where the layout reconstruction still falls short, the difference is listed below
// with its reason; any other difference fails.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "fincheck/import.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck_test/corpus_test.hpp"
#include "report_diff.hpp"

#include <pugixml.hpp>

namespace fincheck {
namespace {

std::filesystem::path pdf_of(std::string_view key) { return corpus::dir() / "pdf" / (std::string(key) + ".pdf"); }

#define FINCHECK_REQUIRE_PDF(key)                                                                       \
    do {                                                                                                \
        FINCHECK_REQUIRE_CORPUS(key);                                                                   \
        if (!std::filesystem::is_regular_file(pdf_of(key)))                                             \
            GTEST_SKIP() << "the published PDF " << pdf_of(key) << " is absent; PDF corpus tests skipped"; \
    } while (0)

struct Expected {
    std::string difference;
    std::string reason;
};

// Differences between the PDF import and the transcription that are known, with why. There
// are none: the transcriptions match their PDFs cell for cell, and the layout reconstruction
// reads every table of the three PDFs as its transcription has it.
const std::map<std::string, std::vector<Expected>>& known_differences() {
    static const std::map<std::string, std::vector<Expected>> known = {
        {"putuo-finance-bureau-2024", {}},
        {"putuo-finance-bureau-2024-altered", {}},
        {"putuo-social-work-dept-2024", {}},
    };
    return known;
}

void expect_same_tables(std::string_view key) {
    PdfImportResult pdf = import_pdf(pdf_of(key), std::string(key) + ".pdf", "");
    ASSERT_TRUE(pdf.imported.report) << (pdf.imported.error ? pdf.imported.error->to_string() : "");
    ImportResult text = import_text_file(corpus::text(key));
    ASSERT_TRUE(text.report);
    std::vector<std::string> differences = test::table_differences(*text.report, *pdf.imported.report);
    std::set<std::string> known;
    for (const Expected& expected : known_differences().at(std::string(key))) known.insert(expected.difference);
    for (const std::string& difference : differences) EXPECT_TRUE(known.count(difference)) << "unexpected: " << difference;
    for (const std::string& expected : known)
        EXPECT_NE(std::find(differences.begin(), differences.end(), expected), differences.end())
            << "listed but no longer different (remove it): " << expected;
}

// `fincheck check` (all project plugins) on the PDF and on the transcription: findings by rule
// id and table/row/column, as a multiset of "rule table/row/column" keys.
std::multiset<std::string> finding_keys(const std::filesystem::path& report, const std::string& scratch_name) {
    std::filesystem::path dir = std::filesystem::path(FINCHECK_TEST_SCRATCH_DIR) / "corpus";
    std::filesystem::create_directories(dir);
    const auto keys = test::check_finding_keys(FINCHECK_CLI, report, dir / scratch_name);
    EXPECT_TRUE(keys) << "fincheck check " << report;
    return keys.value_or(std::multiset<std::string>{});
}

// The PDF's audit cites a page (and box) wherever a finding has a source line, and stays
// valid against the schema.
void expect_pages_cited(const std::string& scratch_name) {
    std::filesystem::path audit = std::filesystem::path(FINCHECK_TEST_SCRATCH_DIR) / "corpus" / scratch_name;
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(audit.c_str()));
    std::size_t with_line = 0;
    for (pugi::xpath_node node : document.select_nodes("//location[@line]")) {
        ++with_line;
        EXPECT_TRUE(node.node().attribute("page")) << "line " << node.node().attribute("line").value() << " has no page";
        EXPECT_TRUE(node.node().attribute("bbox"));
    }
    EXPECT_GT(with_line, 0u);
    std::string validate = std::string("xmllint --noout --schema \"") + FINCHECK_AUDIT_XSD + "\" \"" + audit.string() + "\" 2>/dev/null";
    EXPECT_EQ(std::system(validate.c_str()), 0) << validate;
}

void expect_same_findings(std::string_view key, const std::set<std::string>& known) {
    std::multiset<std::string> text = finding_keys(corpus::text(key), std::string(key) + ".txt.audit.xml");
    std::multiset<std::string> pdf = finding_keys(pdf_of(key), std::string(key) + ".pdf.audit.xml");
    expect_pages_cited(std::string(key) + ".pdf.audit.xml");
    std::vector<std::string> differences;
    for (const std::string& k : text)
        if (text.count(k) > pdf.count(k)) differences.push_back("only text: " + k);
    for (const std::string& k : pdf)
        if (pdf.count(k) > text.count(k)) differences.push_back("only pdf: " + k);
    differences.erase(std::unique(differences.begin(), differences.end()), differences.end());
    for (const std::string& difference : differences) EXPECT_TRUE(known.count(difference)) << "unexpected: " << difference;
    for (const std::string& expected : known)
        EXPECT_NE(std::find(differences.begin(), differences.end(), expected), differences.end())
            << "listed but no longer different (remove it): " << expected;
}

TEST(PdfCorpus, FinanceBureauTablesEqualTheTranscription) { FINCHECK_REQUIRE_PDF("putuo-finance-bureau-2024"); expect_same_tables("putuo-finance-bureau-2024"); }
TEST(PdfCorpus, AlteredCopyTablesEqualTheTranscription) { FINCHECK_REQUIRE_PDF("putuo-finance-bureau-2024-altered"); expect_same_tables("putuo-finance-bureau-2024-altered"); }
TEST(PdfCorpus, SocialWorkTablesEqualTheTranscription) { FINCHECK_REQUIRE_PDF("putuo-social-work-dept-2024"); expect_same_tables("putuo-social-work-dept-2024"); }


TEST(PdfCorpus, FinanceBureauCheckGivesTheSameFindings) {
    FINCHECK_REQUIRE_PDF("putuo-finance-bureau-2024");
    expect_same_findings("putuo-finance-bureau-2024", {});
}
TEST(PdfCorpus, AlteredCopyCheckGivesTheSameFindings) {
    FINCHECK_REQUIRE_PDF("putuo-finance-bureau-2024-altered");
    expect_same_findings("putuo-finance-bureau-2024-altered", {});
}
TEST(PdfCorpus, SocialWorkCheckGivesTheSameFindings) {
    FINCHECK_REQUIRE_PDF("putuo-social-work-dept-2024");
    expect_same_findings("putuo-social-work-dept-2024", {});
}

TEST(PdfCorpus, ImportWritesValidReportXmlFromAPdfWhateverItsName) {
    FINCHECK_REQUIRE_PDF("putuo-social-work-dept-2024");
    std::filesystem::path dir = std::filesystem::path(FINCHECK_TEST_SCRATCH_DIR) / "corpus";
    std::filesystem::create_directories(dir);
    std::filesystem::path renamed = dir / "report.bin";  // recognised by content, not extension
    std::filesystem::copy_file(pdf_of("putuo-social-work-dept-2024"), renamed,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::path xml = dir / "report.xml";
    std::string command = std::string("\"") + FINCHECK_CLI + "\" import \"" + renamed.string() + "\" -o \"" + xml.string() +
                          "\" 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::string validate = std::string("xmllint --noout --schema \"") + FINCHECK_SOURCE_DIR + "/schemas/report.xsd\" \"" +
                           xml.string() + "\" 2>/dev/null";
    EXPECT_EQ(std::system(validate.c_str()), 0) << validate;
}

TEST(PdfCorpus, TemplateImportsItsNineTablesWithHeadersAndNoAmounts) {
    std::filesystem::path pdf = corpus::dir() / "pdf" / "shanghai-template-2024.pdf";
    if (!std::filesystem::is_regular_file(pdf)) GTEST_SKIP() << "the template PDF " << pdf << " is absent; skipped";
    PdfImportResult imported = import_pdf(pdf, "shanghai-template-2024.pdf", "");
    ASSERT_TRUE(imported.imported.report) << imported.imported.error->to_string();
    const Report& report = *imported.imported.report;
    for (std::string_view id : {"01", "02", "03", "04", "05", "06", "07", "08", "09"}) {
        const Table* table = report.table(id);
        EXPECT_TRUE(table) << "table " << id << " missing";
        if (!table) continue;
        EXPECT_FALSE(table->columns.empty()) << id;
        EXPECT_TRUE(table->empty_of_values()) << id;
    }
    // The 三公 table's four-row header: twelve columns, 小计's pair under the car heading.
    const Table* three_costs = report.table("09");
    ASSERT_NE(three_costs, nullptr);
    EXPECT_EQ(three_costs->columns.size(), 12u);
    const auto subtotal = three_costs->column_index("预算数/公务用车购置及运行费");
    ASSERT_TRUE(subtotal);
    EXPECT_EQ(three_costs->columns[*subtotal].header,
              (std::vector<std::string_view>{"财政拨款“三公”经费", "公务用车购置及运行维护费", "小计", "预算数"}));
    // check runs to the end on it (exit 0 or 1, never a crash or an input error).
    std::string command = std::string("env -u FINCHECK_PLUGIN_PATH \"") + FINCHECK_CLI + "\" check \"" + pdf.string() +
                          "\" --format xml > /dev/null";
    int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_LE(WEXITSTATUS(status), 1);
}

}  // namespace
}  // namespace fincheck
