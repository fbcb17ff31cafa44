// The report XML written for each corpus report equals the committed examples/<name>.xml.
// After an intended change of the importer, regenerate the files with
//   FINCHECK_REGENERATE_GOLDEN=1 ctest -R ImportGolden
// and review the diff (docs/import.md).
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fincheck/report_xml.hpp"
#include "import_test_support.hpp"

namespace fincheck::import_test {
namespace {

class ImportGolden : public ::testing::TestWithParam<std::string_view> {};

TEST_P(ImportGolden, WrittenXmlEqualsCommittedExample) {
    const auto& result = imported(GetParam());
    ASSERT_TRUE(result);
    std::string written = write_report_xml(*result.report);
    auto golden = source_dir() / "examples" / (std::string(GetParam()) + ".xml");
    if (const char* regenerate = std::getenv("FINCHECK_REGENERATE_GOLDEN"); regenerate && *regenerate == '1') {
        std::ofstream(golden, std::ios::binary) << written;
    }
    std::ifstream in(golden, std::ios::binary);
    ASSERT_TRUE(in) << golden;
    std::ostringstream expected;
    expected << in.rdbuf();
    EXPECT_TRUE(expected.str() == written) << "the importer's XML for " << GetParam() << " differs from " << golden
                                          << "; regenerate with FINCHECK_REGENERATE_GOLDEN=1 if the change is intended";
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
