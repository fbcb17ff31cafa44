// Behaviour of the years rules on reports built in C++: each test states what must fire
// and what must stay silent.
#include <gtest/gtest.h>

#include "fincheck/testing.hpp"
#include "phrase_data.hpp"

namespace fincheck::years {
namespace {

using fincheck::testing::run_rule;

Report report_for(int year) {
    Report report;
    report.meta.fiscal_year = year;
    report.meta.title = report.own(std::to_string(year) + "年度测试部门部门决算");
    return report;
}

Table& add_table(Report& report, std::string_view id, std::string_view title) {
    Table table;
    table.id = report.own(id);
    table.title = report.own(title);
    table.line = 10;
    report.tables.push_back(std::move(table));
    return report.tables.back();
}

int add_block(Report& report, std::string_view text) {
    Block block;
    block.text = report.own(text);
    block.line = static_cast<SourceLine>(100 + report.blocks.size());
    report.blocks.push_back(block);
    return static_cast<int>(report.blocks.size() - 1);
}

// ---- years-title-mismatch ------------------------------------------------------------

TEST(YearsTitleMismatch, FlagsAttachmentFormTitledWithThePriorYear) {
    Report report = report_for(2024);
    add_table(report, "att-2-1", "2024年度测试部门项目绩效自评表");
    add_table(report, "att-2-2", "2023年度测试部门项目绩效自评表");
    const Rule& rule = testing_data::years_rule("years-title-mismatch");
    auto findings = run_rule(rule, report);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.table, "att-2-2");
    EXPECT_EQ(findings[0].actual, "2023");
    EXPECT_EQ(findings[0].expected, "2024");
}

TEST(YearsTitleMismatch, FlagsSectionHeadingNamingAnotherYear) {
    Report report = report_for(2024);
    Section section;
    section.number = "第三部分";
    section.heading = "测试部门2023年度部门决算情况说明";
    section.level = 1;
    section.line = 42;
    report.sections.push_back(section);
    const Rule& rule = testing_data::years_rule("years-title-mismatch");
    auto findings = run_rule(rule, report);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.line, 42u);
}

TEST(YearsTitleMismatch, StaysSilentOnComparisonsRangesCitationsAndPlans) {
    Report report = report_for(2024);
    add_table(report, "other-1", "2024年重点工作完成情况表");
    add_table(report, "other-2", "2023年与2024年收支对比表");
    add_table(report, "other-3", "2021-2025年规划执行表");
    add_table(report, "other-4", "落实《2023年清廉机关建设方案》情况");
    Section plan;
    plan.number = "五、";
    plan.heading = "2025年工作计划";
    report.sections.push_back(plan);
    Section history;
    history.number = "（一）";
    history.heading = "2015年以来帮扶工作";
    report.sections.push_back(history);
    const Rule& rule = testing_data::years_rule("years-title-mismatch");
    EXPECT_TRUE(run_rule(rule, report).empty());
}

TEST(YearsTitleMismatch, FlagsTitlesHoldingBiThatCompareNothing) {
    Report report = report_for(2024);
    add_table(report, "other-1", "2023年度部门决算表（比例）");
    add_table(report, "other-2", "2023年度基本支出占比情况表");
    add_table(report, "other-3", "2023年度支出结构比率表");
    add_table(report, "other-4", "收支比2023年增减情况表");
    add_table(report, "other-5", "2023年度收入与支出决算表");
    const Rule& rule = testing_data::years_rule("years-title-mismatch");
    auto findings = run_rule(rule, report);
    ASSERT_EQ(findings.size(), 4u);
    for (const Finding& f : findings) EXPECT_NE(f.location.table, "other-4");
}

TEST(YearsTitleMismatch, FlagsContentsEntryAndSkipsReportsWithoutFiscalYear) {
    Report report = report_for(2024);
    report.toc.push_back({"第二部分 测试部门2022年度部门决算表", 1, 7});
    const Rule& rule = testing_data::years_rule("years-title-mismatch");
    EXPECT_EQ(run_rule(rule, report).size(), 1u);
    report.meta.fiscal_year = 0;
    EXPECT_TRUE(run_rule(rule, report).empty());
}

// ---- years-date-out-of-range ---------------------------------------------------------

TEST(YearsDateOutOfRange, AcceptsDatesInTheFollowingYear) {
    Report report = report_for(2024);
    report.meta.publication_date = "2025-10-15";
    Attachment attachment;
    attachment.fill_date = "2025-03-28";
    report.attachments.push_back(attachment);
    add_block(report, "单位名称：测试部门 填报日期：2025年3月28日");
    const Rule& rule = testing_data::years_rule("years-date-out-of-range");
    EXPECT_TRUE(run_rule(rule, report).empty());
}

TEST(YearsDateOutOfRange, FlagsFillDateInTheFiscalYearItself) {
    Report report = report_for(2024);
    Attachment attachment;
    attachment.fill_date = "2024-03-28";
    attachment.line = 600;
    report.attachments.push_back(attachment);
    const Rule& rule = testing_data::years_rule("years-date-out-of-range");
    auto findings = run_rule(rule, report);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].message_id, "too-early");
    EXPECT_EQ(findings[0].location.line, 600u);
}

TEST(YearsDateOutOfRange, FlagsImplausiblyLatePublicationAndProseFillDate) {
    Report report = report_for(2024);
    report.meta.publication_date = "2027-01-05";
    const int block = add_block(report, "填报日期: 2023年12月1日");
    const Rule& rule = testing_data::years_rule("years-date-out-of-range");
    auto findings = run_rule(rule, report);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].message_id, "too-late");
    EXPECT_EQ(findings[1].message_id, "too-early");
    EXPECT_EQ(findings[1].location.block, block);
    EXPECT_EQ(findings[1].args[2].second, "2023年12月1日");
    EXPECT_EQ(run_rule(rule, report, {{"max-years-after", "3"}}).size(), 1u);
}

// ---- years-balance-date --------------------------------------------------------------

TEST(YearsBalanceDate, FlagsAssetsDatedAtTheEndOfThePriorYear) {
    Report report = report_for(2024);
    const int block = add_block(report, "截至2023年12月31日，测试部门共有车辆0辆。");
    const Rule& rule = testing_data::years_rule("years-balance-date");
    auto findings = run_rule(rule, report);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].location.block, block);
    EXPECT_EQ(findings[0].location.span_begin, 2u);
}

TEST(YearsBalanceDate, StaysSilentOnTheFiscalYearEndComparisonsAndOtherDates) {
    Report report = report_for(2024);
    add_block(report, "截至 2024 年 12 月 31 日，测试部门共有车辆 0 辆。");
    add_block(report, "资产总额比截至2023年12月31日增加5.00万元。");
    add_block(report, "截至2025年6月，项目已完成。");
    add_block(report, "从2015年11月开始，牵头负责帮扶工作。");
    const Rule& rule = testing_data::years_rule("years-balance-date");
    EXPECT_TRUE(run_rule(rule, report).empty());
}

}  // namespace
}  // namespace fincheck::years
