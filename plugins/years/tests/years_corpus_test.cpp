// The years rules on the corpus reports (fincheck_test/corpus.hpp), imported by the real importer.
// Each test pins the report's genuine year errors by source line and asserts that nothing
// else fires: the reports are full of legitimate prior-year references (「与2023年度…相比」,
// 「比2023年…增加」, 「与2023年度决算数656.23万元减少」, 〔2023〕6号, 「从2015年11月开始」,
// 「2023年党费返拨」). None of them labels its own figures with another year in prose, so
// years-body-mention stays silent on all four.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <tuple>

#include "fincheck/import.hpp"
#include "fincheck_test/corpus_test.hpp"
#include "fincheck/testing.hpp"
#include "phrase_data.hpp"

namespace fincheck::years {
namespace {

using Pinned = std::set<std::tuple<std::string, SourceLine, std::string>>;  // rule, line, location key

using YearsCorpus = corpus::CorpusTest;

Pinned run_years_rules(const std::string& file) {
    const auto path = corpus::text(file);
    auto imported = import_text_file(path);
    EXPECT_TRUE(imported.report.has_value()) << file;
    Pinned out;
    if (!imported.report) return out;
    EXPECT_EQ(imported.report->meta.fiscal_year, 2024) << file;
    for (const Rule* rule : testing_data::all_years_rules())
        for (const Finding& f : testing::run_rule(*rule, *imported.report))
            out.emplace(f.rule_id, f.location.line,
                        f.location.table.empty() ? std::string() : testing::location_key(f));
    return out;
}

TEST_F(YearsCorpus, HanyangFlagsOnlyTheAttachmentTitled2023) {
    const Pinned expected = {{"years-title-mismatch", 668, "att-2-2"}};
    EXPECT_EQ(run_years_rules("wuhan-hanyang-jiguan-gongwei-2024.txt"), expected);
}

TEST_F(YearsCorpus, AlteredPutuoFlagsThe2023HeadingAndBalanceDate) {
    const Pinned expected = {{"years-title-mismatch", 316, ""}, {"years-balance-date", 412, ""}};
    EXPECT_EQ(run_years_rules("putuo-finance-bureau-2024-altered.txt"), expected);
}

TEST_F(YearsCorpus, PublishedPutuoReportsAreSilent) {
    EXPECT_TRUE(run_years_rules("putuo-finance-bureau-2024.txt").empty());
    EXPECT_TRUE(run_years_rules("putuo-social-work-dept-2024.txt").empty());
}

}  // namespace
}  // namespace fincheck::years
