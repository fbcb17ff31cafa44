// Acceptance on the real reports: each published PDF imports to the same tables, codes and
// cells as its hand transcription. Where the transcription itself differs from the PDF,
// or where the layout reconstruction still falls short, the difference is listed below
// with its reason; any other difference fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "fincheck/import.hpp"
#include "fincheck/pdf_import.hpp"
#include "fincheck_test/corpus_test.hpp"
#include "report_diff.hpp"

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

// Differences between the PDF import and the transcription that are known, with why.
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

TEST(PdfCorpus, FinanceBureauTablesEqualTheTranscription) { FINCHECK_REQUIRE_PDF("putuo-finance-bureau-2024"); expect_same_tables("putuo-finance-bureau-2024"); }
TEST(PdfCorpus, AlteredCopyTablesEqualTheTranscription) { FINCHECK_REQUIRE_PDF("putuo-finance-bureau-2024-altered"); expect_same_tables("putuo-finance-bureau-2024-altered"); }
TEST(PdfCorpus, SocialWorkTablesEqualTheTranscription) { FINCHECK_REQUIRE_PDF("putuo-social-work-dept-2024"); expect_same_tables("putuo-social-work-dept-2024"); }

}  // namespace
}  // namespace fincheck
