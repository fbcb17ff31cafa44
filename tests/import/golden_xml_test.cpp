// The report XML written for each corpus report is the one reviewed last: its SHA-256 is
// committed in tests/import/golden/<name>.sha256 (the corpus itself, and so its XML, is not ours
// to commit). After an intended change of the importer, run
//   FINCHECK_REGENERATE_GOLDEN=1 ctest -R ImportGolden
// which rewrites the digests and leaves the XML in the build tree (import_golden/<name>.xml)
// to compare with the previous build's (docs/import.md).
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fincheck/report_xml.hpp"
#include "fincheck/sha256.hpp"
#include "import_test_support.hpp"

namespace fincheck::import_test {
namespace {

class ImportGolden : public ::testing::TestWithParam<std::string_view> {
protected:
    void SetUp() override { FINCHECK_REQUIRE_CORPUS(GetParam()); }
};

TEST_P(ImportGolden, WrittenXmlHasTheReviewedDigest) {
    const auto& result = imported(GetParam());
    ASSERT_TRUE(result);
    const std::string written = write_report_xml(*result.report);
    const std::string digest = sha256_hex(written);
    auto golden = source_dir() / "tests" / "import" / "golden" / (std::string(GetParam()) + ".sha256");
    std::filesystem::create_directories(FINCHECK_GOLDEN_OUT_DIR);
    std::ofstream(std::filesystem::path(FINCHECK_GOLDEN_OUT_DIR) / (std::string(GetParam()) + ".xml"),
                  std::ios::binary)
        << written;
    if (const char* regenerate = std::getenv("FINCHECK_REGENERATE_GOLDEN"); regenerate && *regenerate == '1') {
        std::ofstream(golden, std::ios::binary) << digest << '\n';
    }
    std::ifstream in(golden, std::ios::binary);
    ASSERT_TRUE(in) << golden;
    std::string expected;
    in >> expected;
    EXPECT_EQ(expected, digest) << "the importer's XML for " << GetParam() << " (written to " << FINCHECK_GOLDEN_OUT_DIR
                                << ") is not the reviewed one; regenerate with FINCHECK_REGENERATE_GOLDEN=1 if the "
                                   "change is intended";
}

// The imported XML is valid against the report schema (xmllint, as users would check it).
TEST_P(ImportGolden, WrittenXmlValidatesAgainstTheReportSchema) {
    const auto& result = imported(GetParam());
    ASSERT_TRUE(result);
    const auto file = std::filesystem::path(FINCHECK_GOLDEN_OUT_DIR) / (std::string(GetParam()) + ".schema-check.xml");
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << write_report_xml(*result.report);
    const std::string command = "xmllint --noout --schema '" + (source_dir() / "schemas" / "report.xsd").string() +
                                "' '" + file.string() + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

TEST_P(ImportGolden, WrittenXmlLoadsBackToTheSameStructure) {
    const auto& result = imported(GetParam());
    ASSERT_TRUE(result);
    auto loaded = load_report_xml_buffer(write_report_xml(*result.report), GetParam());
    ASSERT_TRUE(loaded) << loaded.error->to_string();
    EXPECT_EQ(loaded.report->tables.size(), result.report->tables.size());
    EXPECT_EQ(loaded.report->blocks.size(), result.report->blocks.size());
    EXPECT_EQ(write_report_xml(*loaded.report), write_report_xml(*result.report));
}

INSTANTIATE_TEST_SUITE_P(Corpus, ImportGolden,
                         ::testing::Values(kWuhan, kFinanceBureau, kFinanceBureauAltered, kSocialWork),
                         [](const ::testing::TestParamInfo<std::string_view>& param_info) {
                             std::string name(param_info.param);
                             for (auto& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

}  // namespace
}  // namespace fincheck::import_test
