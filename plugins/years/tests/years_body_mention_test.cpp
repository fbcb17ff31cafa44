// years-body-mention on paragraphs built in C++: what labels the report's own figures with
// another year, and the many legitimate other-year mentions that must stay silent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fincheck/testing.hpp"
#include "phrase_data.hpp"

namespace fincheck::years {
namespace {

using fincheck::testing::run_rule;

const Rule& rule() { return testing_data::years_rule("years-body-mention"); }

std::unique_ptr<Rule> body_mention_with(const YearPhrases& phrases) {
    return fincheck::testing::take_rule(make_rules(phrases), "years-body-mention");
}

Report report_with(std::initializer_list<std::string_view> paragraphs, std::string_view department = "测试区测试局") {
    Report report;
    report.meta.fiscal_year = 2024;
    report.meta.department = report.own(department);
    report.meta.title = report.own(std::string(department) + "2024年度部门决算");
    for (std::string_view text : paragraphs) {
        Block block;
        block.text = report.own(text);
        block.line = static_cast<SourceLine>(100 + report.blocks.size());
        report.blocks.push_back(block);
    }
    return report;
}

std::size_t findings_on(std::string_view paragraph) { return run_rule(rule(), report_with({paragraph})).size(); }

TEST(YearsBodyMention, FlagsTheTotalLabelledWithThePriorYear) {
    const Report report = report_with({"测试区测试局2023年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元。"});
    const auto findings = run_rule(rule(), report);
    ASSERT_EQ(findings.size(), 1u);
    const Finding& f = findings[0];
    EXPECT_EQ(f.rule_id, "years-body-mention");
    EXPECT_EQ(rule().meta().default_severity, Severity::warning);
    EXPECT_EQ(f.message_id, "other-year");
    EXPECT_EQ(f.location.block, 0);
    EXPECT_EQ(f.location.span_begin, 6u);   // 测试区测试局 is six characters
    EXPECT_EQ(f.location.span_end, 18u);    // through 收入支出总计
    EXPECT_EQ(f.expected, "2024");
    EXPECT_EQ(f.actual, "2023");
}

TEST(YearsBodyMention, FlagsOwnDocumentsAndFundFiguresCopiedFromLastYear) {
    EXPECT_EQ(findings_on("本部门2023年度部门决算包括本级决算及下属单位决算。"), 1u);
    EXPECT_EQ(findings_on("2023年度一般公共预算财政拨款支出决算为592.29万元。"), 1u);
    EXPECT_EQ(findings_on("2023 年度财政拨款收入支出总计 307.82 万元。"), 1u);
    EXPECT_EQ(findings_on("2022年度“三公”经费财政拨款支出决算为0.00万元。"), 1u);
}

TEST(YearsBodyMention, FlagsTheYearBeforeASubjectAndTheDepartmentName) {
    EXPECT_EQ(findings_on("2023年度本部门机关运行经费支出7.07万元。"), 1u);
    EXPECT_EQ(findings_on("2023年度测试区测试局机关运行经费支出7.07万元。"), 1u);
    // The department as extraction prints it, with spaces.
    EXPECT_EQ(findings_on("2023年度测试区 测试局政府采购支出总额10.00万元。"), 1u);
}

TEST(YearsBodyMention, FlagsWhenOnlyAnotherClauseOfTheSentenceCompares) {
    // The copied sentence compares with 上年 in its second clause; the first still labels
    // this report's total with 2023.
    EXPECT_EQ(findings_on("2023年度收入支出总计2995.39万元，比上年增加56.95万元。"), 1u);
}

TEST(YearsBodyMention, StaysSilentOnComparisons) {
    EXPECT_EQ(findings_on("与2023年度相比，收入支出总计减少56.95万元，下降1.87%。"), 0u);
    EXPECT_EQ(findings_on("机关运行经费支出184.65万元，比2023年增加2.55万元。"), 0u);
    EXPECT_EQ(findings_on("一般公共预算财政拨款收入592.29万元，与2023年度决算数656.23万元减少63.94万元。"), 0u);
    EXPECT_EQ(findings_on("收入支出总计较2023年度收入支出总计减少10.00万元。"), 0u);
    EXPECT_EQ(findings_on("上年（2023年）收入支出总计3052.34万元。"), 0u);
    EXPECT_EQ(findings_on("2024年度收入支出总计2995.39万元，2023年度收入支出总计3052.34万元，减少56.95万元。"), 0u);
    EXPECT_EQ(findings_on("2023年度决算数为656.23万元，本年决算数为592.29万元，减少63.94万元。"), 0u);
}

TEST(YearsBodyMention, StaysSilentOnCarryOversBalanceDatesHistoryPlansAndCitations) {
    EXPECT_EQ(findings_on("2023年结转项目支出在本年继续执行。"), 0u);
    EXPECT_EQ(findings_on("2025年预算安排财政拨款支出300.00万元。"), 0u);
    EXPECT_EQ(findings_on("截至2024年12月31日，本部门共有车辆0辆。"), 0u);
    EXPECT_EQ(findings_on("截至2023年12月31日部门决算数为0。"), 0u);  // years-balance-date's case
    EXPECT_EQ(findings_on("根据《2023年度部门决算管理办法》编制。"), 0u);
    EXPECT_EQ(findings_on("2021-2023年部门决算数据已公开。"), 0u);
    EXPECT_EQ(findings_on("自2023年度部门决算起实行新科目。"), 0u);
    EXPECT_EQ(findings_on("按时完成2023年度部门决算编报工作。"), 0u);
    EXPECT_EQ(findings_on("按照区财政局关于做好2023年度部门决算公开工作的通知要求编制。"), 0u);
}

TEST(YearsBodyMention, StaysSilentOnTheFiscalYearAndOnYearsNotLabellingAFigure) {
    EXPECT_EQ(findings_on("测试区测试局2024年度收入支出总计2995.39万元。"), 0u);
    EXPECT_EQ(findings_on("从2015年11月开始，牵头负责帮扶工作。"), 0u);
    EXPECT_EQ(findings_on("2023年党费返拨用于支部活动。"), 0u);
    EXPECT_EQ(findings_on("单位于2024年成立，2023年无收入。"), 0u);
}

TEST(YearsBodyMention, SkipsReportsWithoutFiscalYearOrPhraseData) {
    Report report = report_with({"2023年度收入支出总计2995.39万元。"});
    report.meta.fiscal_year = 0;
    EXPECT_TRUE(run_rule(rule(), report).empty());
    const auto without_data = body_mention_with(YearPhrases{});
    EXPECT_TRUE(run_rule(*without_data, report_with({"2023年度收入支出总计2995.39万元。"})).empty());
}

TEST(YearsBodyMention, ARegionFileCanAddPhrasesForItsTemplateOnly) {
    YearPhrases phrases = testing_data::shipped_phrases();
    phrases.own_figures.push_back({"shanghai", {"部门预算执行"}});
    const auto extended = body_mention_with(phrases);
    Report report = report_with({"2023年度部门预算执行情况良好。"});
    EXPECT_TRUE(run_rule(*extended, report).empty());
    report.meta.template_name = "shanghai";
    EXPECT_EQ(run_rule(*extended, report).size(), 1u);
}

TEST(YearsBodyMention, MalformedPhraseFileIsReportedWithFileLineAndColumn) {
    const auto dir = std::filesystem::temp_directory_path() / "fincheck-year-phrases-test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "broken.xml";
    {
        std::ofstream out(file, std::ios::binary);
        out << "<year-phrases>\n  <own-figures>\n</year-phrases>\n";
    }
    YearPhrases phrases;
    phrases.load_file(file);
    std::filesystem::remove_all(dir);
    ASSERT_EQ(phrases.problems.size(), 1u);
    EXPECT_EQ(phrases.problems[0].rfind(file.string() + ":3:", 0), 0u) << phrases.problems[0];
}

}  // namespace
}  // namespace fincheck::years
